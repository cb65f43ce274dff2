#pragma once

#include <QString>

namespace encore {

// "<database>.running": made when Encore starts on a database and removed when it exits
// cleanly, so a marker found at start means a crash (check the file first). While the Encore
// process runs it holds an exclusive lock (flock) on the marker, so another program can tell a
// running Encore from a stale marker: `encore-cli restore` refuses to replace a database in use.
class SessionLock {
public:
    static QString markerPath(const QString& databasePath);

    // Creates (or truncates) the marker and locks it until destroyed; held() says whether both
    // worked. Destroying releases the lock and leaves the file (the owner decides).
    explicit SessionLock(const QString& databasePath);
    ~SessionLock();
    SessionLock(const SessionLock&) = delete;
    SessionLock& operator=(const SessionLock&) = delete;

    bool held() const { return fd_ >= 0; }

    // Whether a process holds the lock on this database's marker right now.
    static bool heldElsewhere(const QString& databasePath);

private:
    int fd_ = -1;
};

}  // namespace encore
