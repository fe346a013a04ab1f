/** JMH benchmarks. */
package newstopic.benchmarks;
