package org.sweetie.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignedNoteTest {
    private static final JsonNode EXAMPLE = MerkleVectorsTest.json("c2sp-signed-note-example.json");

    @Test
    void theOfficialC2spExampleVerifies() {
        VerifierKey key = VerifierKey.parse(EXAMPLE.get("vkey").asText());
        assertThat(key.name()).isEqualTo(EXAMPLE.get("keyName").asText());
        assertThat(HexFormat.of().formatHex(key.keyId())).isEqualTo(EXAMPLE.get("keyIdHex").asText());
        assertThat(key.publicKey()).isEqualTo(Base64.getDecoder().decode(EXAMPLE.get("publicKeyBase64").asText()));
        assertThat(key.toString()).isEqualTo(EXAMPLE.get("vkey").asText());

        String wire = EXAMPLE.get("noteText").asText() + "\n" + EXAMPLE.get("signatureLine").asText() + "\n";
        SignedNote note = SignedNote.parse(wire);
        assertThat(note.encoded()).isEqualTo(wire);
        assertThat(key.verifies(note)).isTrue();

        SignedNote altered = SignedNote.parse(wire.replace("example message", "example massage"));
        assertThat(key.verifies(altered)).isFalse();
    }

    @Test
    void aKeyIdThatDoesNotBelongToTheKeyIsRefused() {
        String vkey = EXAMPLE.get("vkey").asText().replace("+530d903a+", "+530d903b+");
        assertThatThrownBy(() -> VerifierKey.parse(vkey)).hasMessageContaining("does not belong");
    }

    @Test
    void ourSignaturesVerifyAndOnlyWithOurKey() {
        NoteSigner signer = new NoteSigner("sweetie-evidence/test", NoteSigner.newKeys());
        NoteSigner other = new NoteSigner("sweetie-evidence/test", NoteSigner.newKeys());
        String checkpoint = new CheckpointText("sweetie-evidence/test", 3, TreeHash.empty()).text();
        SignedNote note = signer.sign(checkpoint);

        SignedNote reparsed = SignedNote.parse(note.encoded());
        assertThat(reparsed.text()).isEqualTo(checkpoint);
        assertThat(VerifierKey.parse(signer.verifierKey().toString()).verifies(reparsed)).isTrue();
        assertThat(other.verifierKey().verifies(reparsed)).isFalse();
        assertThat(CheckpointText.parse(reparsed.text()).size()).isEqualTo(3);
    }
}
