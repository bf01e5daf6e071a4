package vn.gov.bus.core.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** PKCS#12 reading and writing shared by key stores and trust stores. */
final class Pkcs12Files {

    private Pkcs12Files() {
    }

    static KeyStore load(Path file, char[] password) {
        if (!Files.isRegularFile(file)) {
            throw new PkiException(file + ": PKCS#12 file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new PkiException(file + ": cannot read PKCS#12 (wrong password or damaged file): "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new PkiException(file + ": cannot read PKCS#12: " + e.getMessage(), e);
        }
    }

    static KeyStore empty() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("cannot create an empty PKCS#12 store: " + e.getMessage(), e);
        }
    }

    static void store(KeyStore store, Path file, char[] password) {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException(file + ": cannot write PKCS#12: " + e.getMessage(), e);
        }
    }
}
