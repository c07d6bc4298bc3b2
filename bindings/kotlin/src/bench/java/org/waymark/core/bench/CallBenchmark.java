package org.waymark.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.waymark.core.HomeView;
import org.waymark.core.LanguageInfo;
import org.waymark.core.Waymark;
import org.waymark.core.WaymarkException;
import org.waymark.core.WaymarkOptions;
import org.waymark.core.Waymark_coreKt;

/**
 * What one call through the generated Kotlin bindings (JNA) costs on the JVM, for the same calls
 * the Rust benchmark `core/benches/calls.rs` makes in-process ("in-process call" and "warm view
 * model/home"). The difference is the price of the boundary: JNA's native call, and lowering and
 * lifting the arguments and the result through UniFFI's buffers.
 *
 * Run: `cargo xtask bindings`, `cargo build --release -p waymark-core -p waymark-desktop`, then in
 * bindings/kotlin: `mvn -P bench verify -Dwaymark.library.dir=../../target/release`.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallBenchmark {
    private final Instant now = Instant.parse("2026-03-02T06:10:00Z");
    private Path dir;
    private Waymark waymark;

    @Setup
    public void open() throws IOException, WaymarkException {
        dir = Files.createTempDirectory("waymark-bench");
        waymark = Waymark.Companion.open(
                dir.resolve("profile.sqlite").toString(),
                new WaymarkOptions("ru", "Europe/Istanbul", new byte[32]));
    }

    @TearDown
    public void close() throws IOException {
        waymark.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A method on the profile object returning a short string: nearly all boundary. */
    @Benchmark
    public String language() {
        return waymark.language();
    }

    /** A free function returning a list of records. */
    @Benchmark
    public List<LanguageInfo> supportedLanguages() throws WaymarkException {
        return Waymark_coreKt.supportedLanguages();
    }

    /** The home screen: a timestamp in, a large nested record out. */
    @Benchmark
    public HomeView home() throws WaymarkException {
        return waymark.home(now);
    }
}
