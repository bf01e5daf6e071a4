package vn.gov.bus.connectors.registry.simulator;

import static vn.gov.bus.connectors.registry.simulator.VietnameseNames.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import vn.gov.bus.connectors.registry.Enterprise;
import vn.gov.bus.connectors.registry.Enterprise.Address;
import vn.gov.bus.connectors.registry.Enterprise.BusinessLine;
import vn.gov.bus.connectors.registry.Enterprise.EnterpriseStatus;
import vn.gov.bus.connectors.registry.Enterprise.Representative;
import vn.gov.bus.connectors.registry.Enterprise.UnitKind;
import vn.gov.bus.connectors.registry.EnterpriseCodeValidator;

/**
 * The simulated registry's data: {@code size} enterprises with valid tax codes (check digit per
 * the spec, never the "sum mod 11 = 0" case), about one in five with 1–3 branches, and
 * {@code size / 20} household businesses registered under a 12-digit personal identification
 * number. Deterministic: the same size and seed give the same data on every machine, so a test
 * or a demo can name a code. Only the codes are held in memory; a record is generated from its
 * index when asked for (100,000 enterprises cost a few MB and well under a second to start).
 */
public final class EnterpriseDataset {

    public static final long DEFAULT_SEED = 20_160_401L;

    private static final LocalDate FIRST_REGISTRATION = LocalDate.of(2000, 1, 3);
    private static final LocalDate LAST_CHANGE = LocalDate.of(2025, 11, 28);

    private final int size;
    private final long seed;
    private final String[] codes;
    private final Map<String, Integer> indexByCode;
    private final String[] personalIds;
    private final Map<String, Integer> householdByPersonalId;

    public EnterpriseDataset(int size) {
        this(size, DEFAULT_SEED);
    }

    public EnterpriseDataset(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        this.size = size;
        this.seed = seed;
        this.codes = new String[size];
        this.indexByCode = new HashMap<>(size * 2);
        EnterpriseCodeValidator validator = EnterpriseCodeValidator.strict();
        int provinces = PROVINCES.size();
        int[] nextSerial = new int[provinces];
        for (int p = 0; p < provinces; p++) {
            nextSerial[p] = 100_000 + p * 7;
        }
        for (int i = 0; i < size; i++) {
            int p = i % provinces;
            String code;
            OptionalInt check;
            do {
                String firstNine = PROVINCES.get(p).taxPrefix() + String.format("%07d", nextSerial[p]);
                // serials step by 13 so that neighbouring codes differ in more than the last digits
                nextSerial[p] += 13;
                check = validator.checkDigit(firstNine);
                code = firstNine + (check.isPresent() ? check.getAsInt() : "");
            } while (check.isEmpty());
            codes[i] = code;
            indexByCode.put(code, i);
        }
        int households = Math.max(1, size / 20);
        this.personalIds = new String[households];
        this.householdByPersonalId = new HashMap<>(households * 2);
        Random ids = new Random(seed ^ 0x5EED_1D5L);
        for (int h = 0; h < households; h++) {
            String id;
            do {
                Province province = PROVINCES.get(h % provinces);
                int centuryAndGender = ids.nextInt(4);
                int birthYear = 50 + ids.nextInt(50);
                id = province.personalIdCode() + centuryAndGender + String.format("%02d", birthYear % 100)
                        + String.format("%06d", ids.nextInt(1_000_000));
            } while (householdByPersonalId.containsKey(id));
            personalIds[h] = id;
            householdByPersonalId.put(id, h);
        }
    }

    public int size() {
        return size;
    }

    public int households() {
        return personalIds.length;
    }

    /** The tax code of the i-th enterprise (0 ≤ i < size). */
    public String code(int index) {
        return codes[index];
    }

    public String personalId(int household) {
        return personalIds[household];
    }

    /** 0–3 branches; about one enterprise in five has some. */
    public int branchCount(int index) {
        Random r = random(index, 2);
        return r.nextInt(5) == 0 ? 1 + r.nextInt(3) : 0;
    }

    /** The index of the first enterprise at or after {@code from} that has a branch. */
    public int firstWithBranch(int from) {
        for (int i = from; i < size; i++) {
            if (branchCount(i) > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no enterprise with a branch from index " + from);
    }

    /** A code with a valid check digit that no enterprise of this dataset has (for "not found"). */
    public String unknownValidCode() {
        EnterpriseCodeValidator validator = EnterpriseCodeValidator.strict();
        // prefix 98 belongs to no province of the dataset
        for (int serial = 1_000_000; ; serial++) {
            String firstNine = "98" + String.format("%07d", serial);
            OptionalInt check = validator.checkDigit(firstNine);
            if (check.isPresent()) {
                return firstNine + check.getAsInt();
            }
        }
    }

    public Enterprise enterprise(int index) {
        Random r = random(index, 1);
        Province province = PROVINCES.get(index % PROVINCES.size());
        LegalForm form = legalForm(r);
        List<BusinessLine> lines = businessLines(r);
        Line main = LINES.stream().filter(l -> l.code().equals(lines.get(0).code())).findFirst().orElseThrow();
        String trade = pick(r, TRADE_WORDS);
        String nameVi = (form.prefixVi() + " " + main.sectorVi() + " " + trade).toUpperCase(java.util.Locale.ROOT);
        String nameEn = ascii(trade) + " " + main.sectorEn().toUpperCase(java.util.Locale.ROOT) + " " + form.nameEnSuffix();
        String shortName = ascii(trade).replace(" ", "") + " " + form.shortSuffix();
        LocalDate registered = date(r, FIRST_REGISTRATION, LAST_CHANGE.minusDays(30));
        int changes = r.nextInt(9);
        LocalDate changed = changes == 0 ? null : date(r, registered.plusDays(1), LAST_CHANGE);
        return new Enterprise(codes[index], UnitKind.ENTERPRISE, null, nameVi, nameEn, shortName,
                address(r, province), new Representative(personName(r), form.representativePosition()),
                form.code(), form.name(), status(r), registered, changed, changes, lines);
    }

    public Optional<Enterprise> findEnterprise(String code) {
        Integer index = indexByCode.get(code);
        return index == null ? Optional.empty() : Optional.of(enterprise(index));
    }

    /** A branch {@code NNNNNNNNNN-NNN} of an enterprise of the dataset, if that enterprise has it. */
    public Optional<Enterprise> findBranch(String branchCode) {
        if (branchCode.length() != 14 || branchCode.charAt(10) != '-') {
            return Optional.empty();
        }
        Integer index = indexByCode.get(branchCode.substring(0, 10));
        int number;
        try {
            number = Integer.parseInt(branchCode.substring(11));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        if (index == null || number < 1 || number > branchCount(index)) {
            return Optional.empty();
        }
        return Optional.of(branch(index, number));
    }

    public Enterprise branch(int index, int number) {
        Enterprise parent = enterprise(index);
        Random r = random(index, 100 + number);
        Province province = PROVINCES.get(r.nextInt(PROVINCES.size()));
        String place = province.name().replaceFirst("^(Thành phố|Tỉnh) ", "");
        return new Enterprise(parent.code() + String.format("-%03d", number), UnitKind.BRANCH, parent.code(),
                ("Chi nhánh " + parent.nameVi() + " tại " + place).toUpperCase(java.util.Locale.ROOT),
                parent.nameEn() == null ? null : ascii(place) + " BRANCH OF " + parent.nameEn(),
                null, address(r, province), new Representative(personName(r), "Giám đốc chi nhánh"),
                parent.legalFormCode(), parent.legalFormName(),
                parent.status() == EnterpriseStatus.ACTIVE ? status(r) : parent.status(),
                date(r, parent.registrationDate(), LAST_CHANGE), null, 0, parent.businessLines());
    }

    public Optional<Enterprise> findHousehold(String personalId) {
        Integer h = householdByPersonalId.get(personalId);
        return h == null ? Optional.empty() : Optional.of(household(h));
    }

    public Enterprise household(int h) {
        Random r = random(h, 3);
        Province province = PROVINCES.get(h % PROVINCES.size());
        String owner = personName(r);
        Line line = pick(r, LINES);
        List<BusinessLine> lines = List.of(new BusinessLine(line.code(), line.name(), true));
        LocalDate registered = date(r, LocalDate.of(2010, 1, 4), LAST_CHANGE);
        return new Enterprise(personalIds[h], UnitKind.HOUSEHOLD, null, ("Hộ kinh doanh " + owner)
                .toUpperCase(java.util.Locale.ROOT), null, null, address(r, province),
                new Representative(owner, HOUSEHOLD.representativePosition()), HOUSEHOLD.code(), HOUSEHOLD.name(),
                status(r), registered, null, 0, lines);
    }

    private Random random(int index, int stream) {
        return new Random(seed * 31 + (long) index * 1_000_003L + stream);
    }

    private static LegalForm legalForm(Random r) {
        int roll = r.nextInt(100);
        if (roll < 40) {
            return LEGAL_FORMS.get(0);
        } else if (roll < 65) {
            return LEGAL_FORMS.get(1);
        } else if (roll < 91) {
            return LEGAL_FORMS.get(2);
        } else if (roll < 99) {
            return LEGAL_FORMS.get(3);
        }
        return LEGAL_FORMS.get(4);
    }

    private static EnterpriseStatus status(Random r) {
        int roll = r.nextInt(100);
        if (roll < 86) {
            return EnterpriseStatus.ACTIVE;
        } else if (roll < 92) {
            return EnterpriseStatus.SUSPENDED;
        } else if (roll < 94) {
            return EnterpriseStatus.IN_DISSOLUTION;
        }
        return EnterpriseStatus.DISSOLVED;
    }

    private static List<BusinessLine> businessLines(Random r) {
        int count = 1 + r.nextInt(6);
        Set<Line> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(pick(r, LINES));
        }
        List<BusinessLine> lines = new ArrayList<>();
        boolean first = true;
        for (Line line : chosen) {
            lines.add(new BusinessLine(line.code(), line.name(), first));
            first = false;
        }
        return lines;
    }

    private static Address address(Random r, Province province) {
        District district = pick(r, province.districts());
        String ward = pick(r, district.wards());
        String street = "Số " + (1 + r.nextInt(480)) + " đường " + pick(r, STREETS);
        return new Address(street, ward, district.name(), province.name(),
                String.join(", ", street, ward, district.name(), province.name()) + ", Việt Nam");
    }

    private static LocalDate date(Random r, LocalDate from, LocalDate to) {
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay());
        return from.plusDays(Math.floorMod(r.nextLong(), days));
    }
}
