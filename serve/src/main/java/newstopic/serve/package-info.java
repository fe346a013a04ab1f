/** HTTP prediction service. */
package newstopic.serve;
