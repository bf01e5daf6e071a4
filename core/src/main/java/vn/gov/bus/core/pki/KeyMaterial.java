package vn.gov.bus.core.pki;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A signing key with its certificate chain: {@code chain.get(0)} is the certificate of the key,
 * followed by its issuers (the root may or may not be included).
 */
public record KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {

    public KeyMaterial {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty: the key's own certificate is required");
        }
        chain = List.copyOf(chain);
    }

    /** The certificate of the private key. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Reads a key entry from a PKCS#12 file.
     *
     * @param alias the entry to read, or {@code null} for the first key entry in the file
     */
    public static KeyMaterial fromPkcs12(Path file, char[] password, String alias) {
        KeyStore store = Pkcs12Files.load(file, password);
        try {
            String chosen = alias != null ? alias : firstKeyAlias(store, file);
            if (!store.isKeyEntry(chosen)) {
                throw new PkiException(file + ": no key entry with alias '" + chosen + "'; key entries: "
                        + keyAliases(store));
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, password);
            Certificate[] certificates = store.getCertificateChain(chosen);
            if (certificates == null || certificates.length == 0) {
                throw new PkiException(file + ": key entry '" + chosen + "' has no certificate chain");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            return new KeyMaterial(key, chain);
        } catch (GeneralSecurityException e) {
            throw new PkiException(file + ": cannot read key entry: " + e.getMessage(), e);
        }
    }

    private static String firstKeyAlias(KeyStore store, Path file) throws GeneralSecurityException {
        List<String> keys = keyAliases(store);
        if (keys.isEmpty()) {
            throw new PkiException(file + ": contains no private key entry");
        }
        return keys.get(0);
    }

    private static List<String> keyAliases(KeyStore store) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keys.add(a);
            }
        }
        Collections.sort(keys);
        return keys;
    }
}
