package newstopic.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    @Test
    void findsLightEditsAndGroupsChainsOfCopies() {
        List<String> texts = List.of(
                "Rescuers pulled forty people from the sea after their boat capsized off the coast on Sunday night",
                "Parliament passed the budget after a long debate about taxes and spending on schools",
                "Rescuers pulled forty people from the sea after their boat capsized off the coast on Sunday",
                "Rescuers pulled forty two people from the sea after their boat capsized off the coast on Sunday");
        NearDuplicates.Result r = NearDuplicates.find(texts, 0.5);
        assertEquals(1, r.groups().size());
        assertArrayEquals(new int[] {0, 2, 3}, r.groups().get(0));
        assertEquals(r.groupOf()[0], r.groupOf()[3]);
        assertEquals(1, r.groupOf()[1]);
        assertTrue(r.pairs().stream().allMatch(p -> p.jaccard() >= 0.5 && p.jaccard() < 1));
    }

    @Test
    void identicalTextsHaveSimilarityOne() {
        NearDuplicates.Result r = NearDuplicates.find(List.of("same words here", "Same words, here!"), 0.99);
        assertEquals(1, r.pairs().size());
        assertEquals(1.0, r.pairs().get(0).jaccard());
    }

    @Test
    void bandingPathFindsCopiesInALargeSet() {
        SplittableRandom random = new SplittableRandom(3);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3200; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                sb.append("w").append(random.nextInt(50_000)).append(' ');
            }
            texts.add(sb.toString());
        }
        // three copies with the last word changed: Jaccard 37/39
        for (int k : new int[] {10, 500, 3000}) {
            texts.add(texts.get(k).substring(0, texts.get(k).lastIndexOf("w")) + "changed");
        }
        NearDuplicates.Result r = NearDuplicates.find(texts, 0.7);
        assertEquals(3, r.pairs().size());
        assertEquals(List.of(10, 500, 3000), r.pairs().stream().map(NearDuplicates.Pair::first).sorted().toList());
    }
}
