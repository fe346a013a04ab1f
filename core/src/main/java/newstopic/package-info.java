/** newstopic: topic tagging for English news articles. */
package newstopic;
