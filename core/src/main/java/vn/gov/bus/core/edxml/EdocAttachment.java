package vn.gov.bus.core.edxml;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One attachment of an edoc package (AttachmentEncoded/Attachment): base64 inline, no MIME.
 *
 * <p>The reference library zips files other than pdf/doc/docx/xls/xlsx, and real traffic has a
 * {@code .pdf} declared {@code application/pdf} whose bytes are a zip; so the first bytes are
 * sniffed for {@code PK\x03\x04} and the effective type is kept apart from the declared one.
 * Office Open XML and OpenDocument files are zip containers by design: when the declared type
 * or the file name says so, they keep their type and do not count as zipped.
 * The content is decoded only when asked for, with a strict decoder.
 */
public final class EdocAttachment {

    public static final String ZIP = "application/zip";
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};

    /** Formats whose files are zip archives by design (docx, xlsx, pptx, odt, ...). */
    private static final List<String> CONTAINER_TYPES = List.of(
            "application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.",
            "application/vnd.ms-word.document.macroenabled", "application/vnd.ms-excel.sheet.macroenabled");
    private static final List<String> CONTAINER_EXTENSIONS = List.of(
            ".docx", ".xlsx", ".pptx", ".docm", ".xlsm", ".odt", ".ods", ".odp");

    private final int index;
    private final String contentId;
    private final String name;
    private final String description;
    private final String declaredContentType;
    private final String encoded;
    private final boolean zipped;

    EdocAttachment(int index, String contentId, String name, String description,
                   String declaredContentType, String encoded) {
        this.index = index;
        this.contentId = normaliseContentId(contentId);
        this.name = blankToNull(name);
        this.description = blankToNull(description);
        this.declaredContentType = blankToNull(declaredContentType);
        this.encoded = encoded == null ? "" : encoded;
        this.zipped = startsWithZipMagic(this.encoded) && !isZipContainerFormat(this.declaredContentType, this.name);
    }

    /**
     * Content id without the {@code cid:} prefix or MIME angle brackets, which producers use or
     * omit at will ({@code cid:abc}, {@code <abc>}, {@code abc} are the same id).
     */
    public static String normaliseContentId(String raw) {
        if (raw == null) {
            return null;
        }
        String id = raw.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        if (id.regionMatches(true, 0, "cid:", 0, 4)) {
            id = id.substring(4).strip();
        }
        return id.isEmpty() ? null : id;
    }

    /** 1-based position in AttachmentEncoded. */
    public int index() {
        return index;
    }

    /** Where this attachment sits in the package, for error messages. */
    public String field() {
        return "AttachmentEncoded/Attachment[" + index + "]";
    }

    /** Normalised content id (no {@code cid:}), or null when absent. */
    public String contentId() {
        return contentId;
    }

    /** AttachmentName (file name), or null when absent. */
    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The ContentType the producer declared, or null when absent. */
    public String declaredContentType() {
        return declaredContentType;
    }

    /** {@code application/zip} when the bytes are a zip, else the declared type (octet-stream if none). */
    public String effectiveContentType() {
        if (zipped) {
            return ZIP;
        }
        return declaredContentType == null ? OCTET_STREAM : declaredContentType;
    }

    /**
     * Whether the bytes are a zip archive (local file header {@code PK\x03\x04}) whatever the
     * declared type says, the file not being a zip-based office format (docx, xlsx, odt...).
     */
    public boolean zipped() {
        return zipped;
    }

    /** Whether the declared type says something other than what the bytes are. */
    public boolean typeMismatch() {
        return zipped && (declaredContentType == null
                || !declaredContentType.toLowerCase(Locale.ROOT).contains("zip"));
    }

    /** The base64 text as it appears in the package. */
    public String encoded() {
        return encoded;
    }

    /**
     * Decoded size in bytes, computed from the base64 text without decoding it (exact for
     * valid base64).
     */
    public long size() {
        long chars = 0;
        int padding = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (isXmlSpace(c)) {
                continue;
            }
            chars++;
            padding = c == '=' ? padding + 1 : 0;
        }
        long data = chars - padding;
        return data / 4 * 3 + Math.max(0, data % 4 - 1);
    }

    /**
     * Decodes the content. Whitespace (line breaks of MIME-style producers) is ignored; any other
     * character outside the base64 alphabet, or a bad length or padding, is refused.
     *
     * @throws EdxmlException rule {@code base64}, naming the attachment
     */
    public byte[] data() {
        try {
            return decodeStrict(encoded);
        } catch (IllegalArgumentException e) {
            throw new EdxmlException(field() + "/ContentTransferEncoded", "base64",
                    "attachment " + describe() + " is not valid base64: " + e.getMessage(), e);
        }
    }

    String describe() {
        return "'" + (name != null ? name : "?") + "'" + (contentId != null ? " (cid " + contentId + ")" : "")
                + " at " + field();
    }

    static byte[] decodeStrict(String text) {
        byte[] ascii = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isXmlSpace(c)) {
                continue;
            }
            if (c > 0x7F) {
                throw new IllegalArgumentException("illegal character U+"
                        + String.format("%04X", (int) c) + " at position " + i);
            }
            ascii[n++] = (byte) c;
        }
        return Base64.getDecoder().decode(n == ascii.length ? ascii : Arrays.copyOf(ascii, n));
    }

    private static boolean startsWithZipMagic(String text) {
        StringBuilder head = new StringBuilder(8);
        for (int i = 0; i < text.length() && head.length() < 8; i++) {
            char c = text.charAt(i);
            if (!isXmlSpace(c)) {
                head.append(c);
            }
        }
        if (head.length() < 8) {
            return false;
        }
        try {
            byte[] first = Base64.getDecoder().decode(head.toString());
            return Arrays.equals(first, 0, ZIP_MAGIC.length, ZIP_MAGIC, 0, ZIP_MAGIC.length);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isZipContainerFormat(String declared, String fileName) {
        String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
        String file = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return CONTAINER_TYPES.stream().anyMatch(type::startsWith)
                || CONTAINER_EXTENSIONS.stream().anyMatch(file::endsWith);
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "EdocAttachment" + describe();
    }
}
