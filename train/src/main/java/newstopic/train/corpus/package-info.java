/** The training corpus as cross-validation sees it: label checks, near-duplicate groups and folds. */
package newstopic.train.corpus;
