package vn.gov.bus.connectors.feeds.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A partner that offers only plain FTP (some district banks' branches do), simulated by a real
 * FTP server (Apache FtpServer) serving a directory, passive mode, one user.
 */
public final class FtpDropBox implements AutoCloseable {

    private final Path root;
    private final int port;
    private final FtpServer server;

    public FtpDropBox(Path root, String host, int port, String user, String password) {
        this.root = root;
        this.port = port;
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(host);
        listener.setPort(port);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress(host);
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listener.createListener());
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager manager = users.createUserManager();
        BaseUser account = new BaseUser();
        account.setName(user);
        account.setPassword(password);
        account.setHomeDirectory(root.toAbsolutePath().toString());
        account.setAuthorities(List.of(new WritePermission()));
        try {
            manager.save(account);
        } catch (FtpException e) {
            throw new IllegalStateException(e);
        }
        factory.setUserManager(manager);
        this.server = factory.createServer();
    }

    public void start() {
        try {
            Files.createDirectories(root);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FtpException e) {
            throw new IllegalStateException("cannot start the FTP drop box on port " + port, e);
        }
    }

    public Path root() {
        return root;
    }

    public int port() {
        return port;
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
