package vn.gov.bus.connectors.axis.simulator;

import static vn.gov.bus.connectors.axis.simulator.VietnameseAdministration.*;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import vn.gov.bus.connectors.axis.AxisAgency;

/**
 * Generates a national agency directory shaped like the real one: central bodies ({@code Gnn},
 * {@code Ann}) and the 63 provinces ({@code H01…H63}) at level 1; departments and districts at
 * level 2; district offices, communes and department units at level 3; schools and commune
 * units at level 4. Codes follow {@code LLL.LL.LL.XNN} (QCVN 102:2016).
 *
 * <p>Entries are emitted level by level, parents before children, with sequential ids. Each
 * agency's children depend only on the seed and the agency's own code, so for one seed a
 * smaller directory is a prefix of a larger one.
 */
public final class AgencyDirectoryGenerator {

    /** Roughly the size of the real national directory. */
    public static final int DEMO_SIZE = 110_000;
    private static final int FIRST_DISTRICT = 31;
    private static final int FIRST_COMMUNE = 21;

    private enum Kind { CENTRAL, CENTRAL_UNIT, PROVINCE, PROVINCE_OFFICE, DEPARTMENT, DISTRICT, DISTRICT_OFFICE,
        EDUCATION_OFFICE, COMMUNE, LEAF }

    /** An agency plus what its children need to know about their context. */
    private record Node(AxisAgency agency, Kind kind, String level1, int l2, int l3, String title, String domain) {
    }

    private final long seed;

    public AgencyDirectoryGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * The first {@code count} agencies of the directory for this seed.
     *
     * @throws IllegalArgumentException if count is negative or larger than the generator can fill
     */
    public List<AxisAgency> generate(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        List<AxisAgency> out = new ArrayList<>(count);
        Deque<Node> pending = new ArrayDeque<>();
        for (Node root : roots()) {
            if (out.size() == count) {
                return out;
            }
            Node node = withId(root, out.size() + 1, "0");
            out.add(node.agency());
            pending.add(node);
        }
        while (out.size() < count) {
            Node parent = pending.poll();
            if (parent == null) {
                throw new IllegalArgumentException("the generator can fill " + out.size()
                        + " agencies, " + count + " were asked for");
            }
            for (Node child : children(parent)) {
                if (out.size() == count) {
                    break;
                }
                Node node = withId(child, out.size() + 1, parent.agency().id());
                out.add(node.agency());
                pending.add(node);
            }
        }
        return out;
    }

    private List<Node> roots() {
        List<Node> roots = new ArrayList<>();
        for (int i = 0; i < GOVERNMENT.size(); i++) {
            Central c = GOVERNMENT.get(i);
            roots.add(node(Kind.CENTRAL, level1('G', i + 1), 0, 0, 0, c.name(), c.name(), c.domain()));
        }
        for (int i = 0; i < PARTY.size(); i++) {
            Central c = PARTY.get(i);
            roots.add(node(Kind.CENTRAL, level1('A', i + 1), 0, 0, 0, c.name(), c.name(), c.domain()));
        }
        for (int i = 0; i < PROVINCES.size(); i++) {
            Province p = PROVINCES.get(i);
            roots.add(node(Kind.PROVINCE, level1('H', i + 1), 0, 0, 0, "UBND " + p.title(), p.title(),
                    slug(p.name()) + ".gov.vn"));
        }
        return roots;
    }

    private List<Node> children(Node parent) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ parent.agency().code().hashCode());
        String l1 = parent.level1();
        List<Node> children = new ArrayList<>();
        switch (parent.kind()) {
            case CENTRAL -> {
                List<String> units = shuffled(CENTRAL_UNITS, rnd);
                int n = between(rnd, 10, 20);
                for (int i = 0; i < n; i++) {
                    String name = units.get(i) + " - " + parent.title();
                    children.add(node(Kind.CENTRAL_UNIT, l1, i + 1, 0, 0, name, name, parent.domain()));
                }
            }
            case CENTRAL_UNIT -> {
                int n = between(rnd, 0, UNIT_SECTIONS.size());
                for (int i = 0; i < n; i++) {
                    children.add(node(Kind.LEAF, l1, parent.l2(), i + 1, 0,
                            UNIT_SECTIONS.get(i) + " - " + parent.title(), null, parent.domain()));
                }
            }
            case PROVINCE -> provinceChildren(parent, rnd, children);
            case PROVINCE_OFFICE -> {
                for (int i = 0; i < PROVINCE_OFFICE_UNITS.size(); i++) {
                    children.add(node(Kind.LEAF, l1, parent.l2(), i + 1, 0,
                            PROVINCE_OFFICE_UNITS.get(i) + " " + parent.title(), null, parent.domain()));
                }
            }
            case DEPARTMENT -> {
                int n = between(rnd, 2, DEPARTMENT_UNITS.size());
                for (int i = 0; i < n; i++) {
                    children.add(node(Kind.LEAF, l1, parent.l2(), i + 1, 0,
                            DEPARTMENT_UNITS.get(i) + " - " + parent.agency().name(), null, parent.domain()));
                }
            }
            case DISTRICT -> districtChildren(parent, rnd, children);
            case EDUCATION_OFFICE -> {
                int n = between(rnd, 30, 70);
                for (int i = 0; i < n; i++) {
                    String school = SCHOOL_KINDS.get(rnd.nextInt(SCHOOL_KINDS.size())) + " " + placeName(rnd);
                    children.add(node(Kind.LEAF, l1, parent.l2(), parent.l3(), i + 1, school, null, parent.domain()));
                }
            }
            case COMMUNE -> {
                int n = between(rnd, 1, COMMUNE_UNITS.size());
                for (int i = 0; i < n; i++) {
                    children.add(node(Kind.LEAF, l1, parent.l2(), parent.l3(), i + 1,
                            COMMUNE_UNITS.get(i) + " " + parent.title(), null, parent.domain()));
                }
            }
            case DISTRICT_OFFICE, LEAF -> { }
        }
        return children;
    }

    private void provinceChildren(Node province, SplittableRandom rnd, List<Node> children) {
        String l1 = province.level1();
        String title = province.title();
        for (int i = 0; i < PROVINCE_DEPARTMENTS.size(); i++) {
            String department = PROVINCE_DEPARTMENTS.get(i);
            Kind kind = i == 0 ? Kind.PROVINCE_OFFICE : Kind.DEPARTMENT;
            children.add(node(kind, l1, i + 1, 0, 0, department + " " + title, title, province.domain()));
        }
        boolean city = title.startsWith("thành phố");
        int districts = between(rnd, 9, 17);
        for (int i = 0; i < districts; i++) {
            // The provincial capital is a city; a centrally-run city is divided into urban districts.
            String kind = city ? (i < districts / 2 ? "quận" : "huyện") : (i == 0 ? "thành phố" : "huyện");
            String districtTitle = kind + " " + placeName(rnd);
            children.add(node(Kind.DISTRICT, l1, FIRST_DISTRICT + i, 0, 0, "UBND " + districtTitle,
                    districtTitle, province.domain()));
        }
    }

    private void districtChildren(Node district, SplittableRandom rnd, List<Node> children) {
        String l1 = district.level1();
        for (int i = 0; i < DISTRICT_OFFICES.size(); i++) {
            Kind kind = i == EDUCATION_OFFICE_INDEX ? Kind.EDUCATION_OFFICE : Kind.DISTRICT_OFFICE;
            children.add(node(kind, l1, district.l2(), i + 1, 0, DISTRICT_OFFICES.get(i) + " " + district.title(),
                    district.title(), district.domain()));
        }
        boolean urban = district.title().startsWith("quận") || district.title().startsWith("thành phố");
        int communes = between(rnd, 15, 35);
        for (int i = 0; i < communes; i++) {
            String kind = urban ? "phường" : (i == 0 ? "thị trấn" : "xã");
            String communeTitle = kind + " " + placeName(rnd);
            children.add(node(Kind.COMMUNE, l1, district.l2(), FIRST_COMMUNE + i, 0, "UBND " + communeTitle,
                    communeTitle, district.domain()));
        }
    }

    private static Node node(Kind kind, String level1, int l2, int l3, int l4, String name, String title,
                             String domain) {
        String code = String.format(Locale.ROOT, "%03d.%02d.%02d.%s", l4, l3, l2, level1);
        String mail = "vanthu." + code.replace('.', '-').toLowerCase(Locale.ROOT) + "@" + domain;
        return new Node(new AxisAgency(null, null, code, name, mail), kind, level1, l2, l3, title, domain);
    }

    private static Node withId(Node node, int id, String parentId) {
        AxisAgency a = node.agency();
        return new Node(new AxisAgency(Integer.toString(id), parentId, a.code(), a.name(), a.mail()),
                node.kind(), node.level1(), node.l2(), node.l3(), node.title(), node.domain());
    }

    private static String level1(char letter, int number) {
        return String.format(Locale.ROOT, "%c%02d", letter, number);
    }

    private static String placeName(SplittableRandom rnd) {
        int a = rnd.nextInt(PLACE_SYLLABLES.size());
        int b = (a + 1 + rnd.nextInt(PLACE_SYLLABLES.size() - 1)) % PLACE_SYLLABLES.size();
        return PLACE_SYLLABLES.get(a) + " " + PLACE_SYLLABLES.get(b);
    }

    private static int between(SplittableRandom rnd, int min, int max) {
        return min + rnd.nextInt(max - min + 1);
    }

    private static List<String> shuffled(List<String> values, SplittableRandom rnd) {
        List<String> copy = new ArrayList<>(values);
        for (int i = copy.size() - 1; i > 0; i--) {
            Collections.swap(copy, i, rnd.nextInt(i + 1));
        }
        return copy;
    }

    /** ASCII domain label from a Vietnamese name: "Thừa Thiên Huế" → "thuathienhue". */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
