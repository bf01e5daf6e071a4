package vn.gov.bus.connectors.feeds.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The banks' and the tax authority's SFTP drop box, simulated by a real SSH server (Apache MINA
 * SSHD) on its own port, serving a directory. Its host key is generated once and kept in a file
 * so that the bus's known_hosts stays valid across restarts; {@link #writeKnownHosts} writes the
 * line the bus must trust (the bus never trusts an unknown host key).
 */
public final class SftpDropBox implements AutoCloseable {

    private final Path root;
    private final String host;
    private final SshServer server;
    private final SimpleGeneratorHostKeyProvider hostKeys;

    public SftpDropBox(Path root, String host, int port, String user, String password, Path hostKeyFile) {
        this.root = root;
        this.host = host;
        this.hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKeys.setKeySize(256);
        this.server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(port);
        server.setKeyPairProvider(hostKeys);
        server.setPasswordAuthenticator((u, p, session) -> user.equals(u) && password.equals(p));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    }

    public void start() {
        try {
            Files.createDirectories(root);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SFTP drop box on " + host + ":" + server.getPort(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public Path root() {
        return root;
    }

    /** The server's public host key. */
    public PublicKey hostKey() {
        try {
            for (KeyPair pair : hostKeys.loadKeys(null)) {
                return pair.getPublic();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the SFTP drop box host key", e);
        }
        throw new IllegalStateException("the SFTP drop box has no host key");
    }

    /** The OpenSSH known_hosts line for this server: {@code [host]:port ecdsa-sha2-nistp256 AAAA…}. */
    public String knownHostsLine() {
        String who = port() == 22 ? host : "[" + host + "]:" + port();
        return who + " " + PublicKeyEntry.toString(hostKey());
    }

    public void writeKnownHosts(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, knownHostsLine() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
