package org.sweetie.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every vector and probe of ../shared/standards/merkle (copied to test resources), pass and fail. */
class MerkleVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNode REFERENCE = json("rfc6962-reference-vectors.json");
    private static final List<byte[]> LEAVES = leaves();

    static JsonNode json(String name) {
        try (InputStream in = MerkleVectorsTest.class.getResourceAsStream("/merkle/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> leaves() {
        List<byte[]> hashes = new ArrayList<>();
        REFERENCE.get("leafInputsHex").forEach(leaf -> hashes.add(TreeHash.leaf(HEX.parseHex(leaf.asText()))));
        return hashes;
    }

    /** Range hashes straight from the RFC's recursive definition over the leaves. */
    static final Subtrees FROM_LEAVES = new Subtrees() {
        @Override
        public byte[] hash(long start, long end) {
            long n = end - start;
            if (n == 0) {
                return TreeHash.empty();
            }
            if (n == 1) {
                return LEAVES.get((int) start);
            }
            long k = TreeHash.split(n);
            return TreeHash.node(hash(start, start + k), hash(start + k, end));
        }
    };

    private static List<byte[]> hexList(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(HEX.parseHex(h.asText())));
        return out;
    }

    private static List<byte[]> base64List(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(h -> out.add(Base64.getDecoder().decode(h.asText())));
        }
        return out;
    }

    private static byte[] base64(JsonNode node) {
        return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
    }

    @Test
    void leafAndRootHashesMatchForEveryTreeSize() {
        JsonNode levels = REFERENCE.get("nodeHashesHexByLevel").get(0);
        for (int i = 0; i < LEAVES.size(); i++) {
            assertThat(HEX.formatHex(LEAVES.get(i))).isEqualTo(levels.get(i).asText());
        }
        JsonNode roots = REFERENCE.get("rootHashesHexByTreeSize");
        for (int size = 0; size < roots.size(); size++) {
            assertThat(HEX.formatHex(FROM_LEAVES.hash(0, size))).as("root of %d", size)
                    .isEqualTo(roots.get(size).asText());
        }
    }

    @Test
    void everyInclusionProofIsBuiltAsTheVectorsSayAndVerifies() {
        int checked = 0;
        for (JsonNode v : concat(REFERENCE.get("inclusionProofs"), REFERENCE.get("derived").get("allInclusionProofs"))) {
            long index = v.get("leafIndex").asLong();
            long size = v.get("treeSize").asLong();
            List<byte[]> expected = hexList(v.get("proofHex"));
            List<byte[]> built = Proofs.inclusion(FROM_LEAVES, index, size);
            assertThat(built).as("proof of %d in %d", index, size).usingElementComparator(HEX_ORDER)
                    .containsExactlyElementsOf(expected);
            assertThat(ProofVerifier.inclusion(index, size, LEAVES.get((int) index), built, FROM_LEAVES.hash(0, size)))
                    .isTrue();
            checked++;
        }
        assertThat(checked).isEqualTo(41);
    }

    @Test
    void everyConsistencyProofIsBuiltAsTheVectorsSayAndVerifies() {
        int checked = 0;
        for (JsonNode v : concat(REFERENCE.get("consistencyProofs"),
                REFERENCE.get("derived").get("allConsistencyProofs"))) {
            long size1 = v.get("size1").asLong();
            long size2 = v.get("size2").asLong();
            List<byte[]> expected = hexList(v.get("proofHex"));
            List<byte[]> built = Proofs.consistency(FROM_LEAVES, size1, size2);
            assertThat(built).as("proof %d to %d", size1, size2).usingElementComparator(HEX_ORDER)
                    .containsExactlyElementsOf(expected);
            assertThat(ProofVerifier.consistency(size1, size2, FROM_LEAVES.hash(0, size1),
                    FROM_LEAVES.hash(0, size2), built)).isTrue();
            checked++;
        }
        assertThat(checked).isEqualTo(33);
    }

    @Test
    void everyInclusionProbeIsJudgedAsItShouldBe() {
        JsonNode probes = json("transparency-dev-inclusion-probes.json").get("probes");
        int rejected = 0;
        for (JsonNode p : probes) {
            boolean holds = ProofVerifier.inclusion(p.get("leafIdx").asLong(), p.get("treeSize").asLong(),
                    base64(p.get("leafHash")), base64List(p.get("proof")), base64(p.get("root")));
            assertThat(holds).as(p.get("source").asText()).isEqualTo(!p.get("wantErr").asBoolean());
            rejected += holds ? 0 : 1;
        }
        assertThat(probes.size()).isEqualTo(98);
        assertThat(rejected).isEqualTo(92);
    }

    @Test
    void everyConsistencyProbeIsJudgedAsItShouldBe() {
        JsonNode probes = json("transparency-dev-consistency-probes.json").get("probes");
        int rejected = 0;
        for (JsonNode p : probes) {
            boolean holds = ProofVerifier.consistency(p.get("size1").asLong(), p.get("size2").asLong(),
                    base64(p.get("root1")), base64(p.get("root2")), base64List(p.get("proof")));
            assertThat(holds).as(p.get("source").asText()).isEqualTo(!p.get("wantErr").asBoolean());
            rejected += holds ? 0 : 1;
        }
        assertThat(probes.size()).isEqualTo(98);
        assertThat(rejected).isEqualTo(92);
    }

    private static final java.util.Comparator<byte[]> HEX_ORDER = java.util.Arrays::compare;

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }
}
