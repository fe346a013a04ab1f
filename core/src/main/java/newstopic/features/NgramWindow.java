package newstopic.features;

/**
 * The n-gram scanner's memory: the last {@code n} words of a scan (hashes or word ids) in a ring,
 * so that each new word yields the n-grams ending at it. The one copy of this logic for the
 * hashing and tf-idf featurizers and the tf-idf fitter. Not thread-safe; one per workspace.
 */
final class NgramWindow {

    private final int[] ring;
    private int head;
    private int count;

    NgramWindow(int maxNgram) {
        ring = new int[maxNgram];
        clear();
    }

    /** The longest n-gram kept. */
    int maxNgram() {
        return ring.length;
    }

    /** Forgets the words: n-grams never span two texts. */
    void clear() {
        head = -1;
        count = 0;
    }

    /**
     * Adds the newest word and returns how many n-grams end at it: 1 up to {@link #maxNgram()},
     * fewer at the start of a text.
     */
    int push(int word) {
        int h = head + 1 == ring.length ? 0 : head + 1; // modulo arithmetic was too slow here
        head = h;
        ring[h] = word;
        count++;
        return Math.min(count, ring.length);
    }

    /** The word {@code back} places before the newest (0 = the newest); {@code back < maxNgram()}. */
    int word(int back) {
        int i = head - back;
        return ring[i < 0 ? i + ring.length : i];
    }

    /** The ring slot of the newest word, for callers that keep more per word ({@link RecentWords}). */
    int head() {
        return head;
    }
}
