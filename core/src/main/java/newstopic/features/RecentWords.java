package newstopic.features;

import newstopic.text.CharTerm;

/**
 * The last words of a scan with their offsets, kept only when n-grams are visited (explanations,
 * highlights): it lets a visitor see each n-gram in words and where it sits. Not thread-safe; one
 * per scan.
 */
final class RecentWords {

    private final String[] words;
    private final int[] starts;
    private final boolean inTitle;

    RecentWords(int n, boolean inTitle) {
        words = new String[n];
        starts = new int[n];
        this.inTitle = inTitle;
    }

    void put(int slot, CharTerm term) {
        words[slot] = term.toString();
        starts[slot] = term.startOffset();
    }

    /** Hands the n-gram of {@code len} words ending at {@code head} (and at {@code end}) to the visitor. */
    void visit(Featurizer.NgramVisitor visitor, int index, int sign, int head, int len, int end) {
        int n = words.length;
        StringBuilder sb = new StringBuilder();
        for (int k = len - 1; k >= 0; k--) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(words[Math.floorMod(head - k, n)]);
        }
        visitor.visit(index, sign, sb.toString(), inTitle, starts[Math.floorMod(head - len + 1, n)], end);
    }
}
