package newstopic.train.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Splits examples into K cross-validation folds that keep each group (near-duplicate copies) in
 * one fold and spread every label combination evenly: groups are shuffled by seed, ordered by
 * their label combination, and dealt out in turn. Stateless and thread-safe.
 */
public final class Folds {

    private Folds() {
    }

    /**
     * @param group     per example, its group id (examples of a group share it)
     * @param signature per example, a stratification key (its label combination)
     * @return per example, its fold in {@code [0, k)}
     */
    public static int[] assign(int[] group, String[] signature, int k, long seed) {
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < group.length; i++) {
            members.computeIfAbsent(group[i], g -> new ArrayList<>()).add(i);
        }
        List<Integer> groups = new ArrayList<>(members.keySet());
        groups.sort(Comparator.naturalOrder());
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, Double> tieBreak = new HashMap<>();
        for (int g : groups) {
            tieBreak.put(g, random.nextDouble());
        }
        groups.sort(Comparator.<Integer, String>comparing(g -> signature[members.get(g).get(0)])
                .thenComparing(tieBreak::get));
        int[] fold = new int[group.length];
        int next = random.nextInt(k);
        for (int g : groups) {
            for (int i : members.get(g)) {
                fold[i] = next;
            }
            next = (next + 1) % k;
        }
        return fold;
    }
}
