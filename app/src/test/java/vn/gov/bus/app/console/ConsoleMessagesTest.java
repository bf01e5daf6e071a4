package vn.gov.bus.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's two message files say the same things: every label exists in Vietnamese and in
 * English, and every label the scripts ask for (t('…'), and the keys they build for pages, roles
 * and route actions) is in both.
 */
class ConsoleMessagesTest {

    static final Path CONSOLE = Path.of("src/main/resources/static/console");
    static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\('([A-Za-z0-9_.]+)'");
    static final Pattern UNSAFE = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(");
    static final Pattern PAGE_ID = Pattern.compile("\\{ id: '([a-z]+)'");

    @Test
    void vietnameseAndEnglishHaveTheSameLabelsAndNoneIsEmpty() throws IOException {
        Map<String, String> vi = messages("vi");
        Map<String, String> en = messages("en");
        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(vi.keySet());
        assertThat(vi).allSatisfy((k, v) -> assertThat(v).as(k).isNotBlank());
        assertThat(en).allSatisfy((k, v) -> assertThat(v).as(k).isNotBlank());
    }

    @Test
    void everyLabelTheScriptsUseIsInBothFiles() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CONSOLE.resolve("js"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Matcher pages = PAGE_ID.matcher(Files.readString(CONSOLE.resolve("js/pages/index.js")));
        while (pages.find()) {
            used.add("nav." + pages.group(1));
        }
        for (String role : Set.of("ADMIN", "OPERATOR", "AUDITOR")) {
            used.add("role." + role);
        }
        for (String action : Set.of("start", "stop", "suspend", "resume")) {
            used.add("routes.action." + action);
            used.add("routes.done." + action);
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(messages("vi").keySet()).containsAll(used);
        assertThat(messages("en").keySet()).containsAll(used);
    }

    @Test
    void thePagesCarryNoInlineScriptOrStyleForTheSameOriginPolicy() throws IOException {
        String index = Files.readString(CONSOLE.resolve("index.html"));
        assertThat(index).doesNotContain("<style").doesNotContain("style=").doesNotContain("onclick=")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("http://").doesNotContain("https://");
        try (Stream<Path> files = Files.walk(CONSOLE.resolve("js"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String script = Files.readString(file);
                assertThat(UNSAFE.matcher(script).find()).as(file + " parses strings as HTML or code").isFalse();
                assertThat(script).as(file.toString()).doesNotContainPattern("https?://");
            }
        }
    }

    private static Map<String, String> messages(String lang) throws IOException {
        return new ObjectMapper().readValue(CONSOLE.resolve("i18n/" + lang + ".json").toFile(), new TypeReference<>() {
        });
    }
}
