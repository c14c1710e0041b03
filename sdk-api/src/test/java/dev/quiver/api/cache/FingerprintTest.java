package dev.quiver.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints change exactly when what they digest changes. */
class FingerprintTest {
    private static final FileTime T0 = FileTime.from(Instant.parse("2024-01-02T03:04:05Z"));
    private static final FileTime T1 = FileTime.from(Instant.parse("2024-01-02T03:04:06Z"));

    @TempDir
    Path dir;

    private Path write(String name, String content, FileTime mtime) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        Files.setLastModifiedTime(file, mtime);
        return file;
    }

    private static Fingerprint ofFile(Path file) {
        return Fingerprint.builder().file(file).build();
    }

    private static Fingerprint ofContents(Path file) {
        return Fingerprint.builder().fileContents(file).build();
    }

    @Test
    void theSamePartsGiveTheSameHex() {
        Fingerprint a = Fingerprint.builder().spec("sma(20)").codeVersion("1").value("adjust", "true").build();
        Fingerprint b = Fingerprint.builder().spec("sma(20)").codeVersion("1").value("adjust", "true").build();

        assertThat(a).isEqualTo(b);
        assertThat(a.hex()).matches("[0-9a-f]{64}").isEqualTo(b.hex());
        assertThat(a.prefix(8)).isEqualTo(a.hex().substring(0, 8));
        assertThat(a).hasToString(a.hex());
    }

    @Test
    void theDigestIsSha256OfKindLengthAndTextFramedByZeroBytes() {
        // pinned: a change of framing would silently invalidate every cache on disk. Reference values computed
        // independently with Python: sha256(b"spec\0" + b"1" + b"\0" + b"x"), and so on.
        assertThat(Fingerprint.builder().build().hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Fingerprint.builder().spec("x").build().hex())
                .isEqualTo("54d708b0f04de95ab387de429f652ebbba0fbc0d4a14c98cd1912fc91a6dc394");
        assertThat(Fingerprint.builder().spec("sma(20),rsi(14)").codeVersion("quiver-features 0.1.0").build().hex())
                .isEqualTo("5d57307ad92d83ada72f2e85f0ea2c83ca79b34f8d69887eaf407dd00e3ab6c7");
    }

    @Test
    void partsAreFramedSoThatSplittingTextDifferentlyDiffers() {
        Fingerprint abC = Fingerprint.builder().spec("ab").spec("c").build();
        Fingerprint aBc = Fingerprint.builder().spec("a").spec("bc").build();
        Fingerprint abc = Fingerprint.builder().spec("abc").build();

        assertThat(abC).isNotEqualTo(aBc).isNotEqualTo(abc);
        assertThat(aBc).isNotEqualTo(abc);
    }

    @Test
    void theKindOfAPartCounts() {
        assertThat(Fingerprint.builder().spec("1").build())
                .isNotEqualTo(Fingerprint.builder().codeVersion("1").build());
        assertThat(Fingerprint.builder().value("spec", "x").build())
                .isNotEqualTo(Fingerprint.builder().spec("x").build());
    }

    @Test
    void namedValuesAreFramedNameAndValueApart() {
        assertThat(Fingerprint.builder().value("a=b", "c").build())
                .isNotEqualTo(Fingerprint.builder().value("a", "b=c").build());
        assertThat(Fingerprint.builder().value("a", "b").build())
                .isNotEqualTo(Fingerprint.builder().value("b", "a").build());
    }

    @Test
    void theOrderOfPartsCounts() {
        assertThat(Fingerprint.builder().spec("a").codeVersion("1").build())
                .isNotEqualTo(Fingerprint.builder().codeVersion("1").spec("a").build());
    }

    @Test
    void buildingDoesNotForgetThePartsAddedSoFar() {
        Fingerprint.Builder b = Fingerprint.builder().spec("a");

        Fingerprint first = b.build();
        Fingerprint again = b.build();
        Fingerprint more = b.codeVersion("1").build();

        assertThat(again).isEqualTo(first);
        assertThat(more).isEqualTo(Fingerprint.builder().spec("a").codeVersion("1").build());
    }

    @Test
    void aFileFingerprintIsStableWhileTheFileIsUntouched() throws IOException {
        Path f = write("prices.csv", "time,close\n1,2\n", T0);

        assertThat(ofFile(f)).isEqualTo(ofFile(f));
        assertThat(ofFile(f)).isEqualTo(ofFile(dir.resolve(".").resolve("prices.csv")));
    }

    @Test
    void rewritingAFileChangesItsFingerprint() throws IOException {
        Path f = write("prices.csv", "time,close\n1,2\n", T0);
        Fingerprint before = ofFile(f);

        write("prices.csv", "time,close\n1,2\n2,3\n", T0);

        assertThat(ofFile(f)).isNotEqualTo(before);
    }

    @Test
    void touchingAFileChangesItsFingerprint() throws IOException {
        Path f = write("prices.csv", "time,close\n1,2\n", T0);
        Fingerprint before = ofFile(f);

        Files.setLastModifiedTime(f, T1);

        assertThat(ofFile(f)).isNotEqualTo(before);
    }

    @Test
    void theSameContentAtAnotherPathIsAnotherFile() throws IOException {
        Path a = write("a.csv", "x", T0);
        Path b = write("b.csv", "x", T0);

        assertThat(ofFile(a)).isNotEqualTo(ofFile(b));
    }

    @Test
    void contentFingerprintsIgnoreTheModificationTimeAndThePath() throws IOException {
        Path a = write("a.csv", "time,close\n1,2\n", T0);
        Path b = write("b.csv", "time,close\n1,2\n", T1);
        Fingerprint before = ofContents(a);

        Files.setLastModifiedTime(a, T1);

        assertThat(ofContents(a)).isEqualTo(before).isEqualTo(ofContents(b));
    }

    @Test
    void contentFingerprintsSeeAChangeOfTheSameSize() throws IOException {
        Path f = write("a.csv", "time,close\n1,2\n", T0);
        Fingerprint before = ofContents(f);

        write("a.csv", "time,close\n1,3\n", T0);

        assertThat(ofContents(f)).isNotEqualTo(before);
    }

    @Test
    void contentFingerprintsReadLargeFilesWhole() throws IOException {
        byte[] big = new byte[200_000];
        Path f = Files.write(dir.resolve("big.bin"), big);
        Fingerprint zeros = ofContents(f);

        big[big.length - 1] = 1;
        Files.write(f, big);

        assertThat(ofContents(f)).isNotEqualTo(zeros);
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("missing.csv");

        assertThatThrownBy(() -> ofFile(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot fingerprint " + missing);
        assertThatThrownBy(() -> ofContents(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot fingerprint " + missing);
    }

    @Test
    void onlyLowerCaseHexOf64DigitsIsAFingerprint() {
        assertThatThrownBy(() -> new Fingerprint("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a fingerprint is 64 lower-case hex digits, not 'abc'");
        assertThatThrownBy(() -> new Fingerprint("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fingerprint(null)).isInstanceOf(NullPointerException.class);
        assertThat(new Fingerprint("0".repeat(64)).hex()).hasSize(64);
    }
}
