package vn.gov.bus.connectors.feeds;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a file name in a partner's listing may look like before the bus touches the file. A
 * remote server (or whoever controls it) chooses the names: one with a path separator, a
 * parent reference, control characters or a leading dot could make the bus read or write
 * outside the drop folder, or hide a file from the operators' listings. Such names are refused
 * (and audited), never "cleaned".
 */
public final class FileNames {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private FileNames() {
    }

    /** Why the name is refused, or empty when it is acceptable. */
    public static Optional<String> refusal(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("tên tệp rỗng / empty file name");
        }
        if (name.contains("/") || name.contains("\\")) {
            return Optional.of("tên tệp chứa dấu phân cách thư mục / the name contains a path separator");
        }
        if (name.contains("..")) {
            return Optional.of("tên tệp chứa '..' / the name contains '..'");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("tên tệp chứa ký tự điều khiển / the name contains control characters");
        }
        if (!SAFE.matcher(name).matches()) {
            return Optional.of("tên tệp chỉ được gồm A-Z a-z 0-9 . _ - , bắt đầu bằng chữ hoặc số, tối đa 200 ký tự"
                    + " / only A-Z a-z 0-9 . _ - are allowed, starting with a letter or digit, at most 200 characters");
        }
        return Optional.empty();
    }
}
