package io.ddbgitops.git;

import java.io.File;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;
import org.eclipse.jgit.util.SystemReader;

/**
 * JGit's default finds the system git config by running {@code git --version} and {@code git config --system
 * --show-origin --list -z}: two processes at every start, which cost more than reading the config itself (and a
 * container may have no git). This reader opens {@code /etc/gitconfig} directly, where git keeps it on Linux
 * (or {@code GIT_CONFIG_SYSTEM} when set), and none at all under {@code GIT_CONFIG_NOSYSTEM}, as git does. The
 * user's config is read as before.
 */
final class QuietSystemReader extends SystemReader.Delegate {
    private static final String DEFAULT_SYSTEM_CONFIG = "/etc/gitconfig";
    private static final int OWNER_ONLY = 0077;

    private QuietSystemReader(SystemReader delegate) {
        super(delegate);
    }

    /**
     * Installs the reader once for the process; JGit asks {@link SystemReader#getInstance()} everywhere. JGit also
     * runs {@code sh -c umask} once, to know which permission bits a file it marks executable may get: it is given
     * the owner-only mask instead, which is never wider than the process's own (our clones are private anyway).
     */
    static synchronized void install() {
        if (!(SystemReader.getInstance() instanceof QuietSystemReader)) {
            SystemReader.setInstance(new QuietSystemReader(SystemReader.getInstance()));
            if (FS.DETECTED instanceof FS_POSIX posix) {
                posix.setUmask(OWNER_ONLY);
            }
        }
    }

    /**
     * Beneath JGit's own config (the lowest level), no automatic gc: JGit checks for it after every fetch, by default
     * in a background thread that locks {@code gc.log}, and our clones live for one run and are then deleted under
     * it. Any config file the user keeps can still set {@code gc.auto}.
     */
    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        Config defaults = new Config(parent);
        defaults.setInt("gc", null, "auto", 0);
        defaults.setBoolean("gc", null, "autoDetach", false);
        return super.openJGitConfig(defaults, fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        String noSystem = getenv("GIT_CONFIG_NOSYSTEM");
        if (noSystem != null && !noSystem.isEmpty()) {
            return empty(parent, fs);
        }
        String named = getenv("GIT_CONFIG_SYSTEM");
        File file = new File(named == null || named.isEmpty() ? DEFAULT_SYSTEM_CONFIG : named);
        return file.isFile() ? new FileBasedConfig(parent, file, fs) : empty(parent, fs);
    }

    private static FileBasedConfig empty(Config parent, FS fs) {
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // nothing to read
            }

            @Override
            public boolean isOutdated() {
                return false;
            }
        };
    }
}
