/** Small I/O helpers shared by every module: JSON, SHA-256 and atomic file writes. */
package newstopic.io;
