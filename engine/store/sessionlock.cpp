#include "store/sessionlock.h"

#include <QFile>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <cerrno>

namespace encore {

QString SessionLock::markerPath(const QString& databasePath) {
    return databasePath + QStringLiteral(".running");
}

SessionLock::SessionLock(const QString& databasePath) {
    const QByteArray path = QFile::encodeName(markerPath(databasePath));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return;
    }
    fd_ = fd;
}

SessionLock::~SessionLock() {
    if (fd_ >= 0)
        ::close(fd_);  // closing releases the lock
}

bool SessionLock::heldElsewhere(const QString& databasePath) {
    const QByteArray path = QFile::encodeName(markerPath(databasePath));
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;  // no marker: nobody runs on it
    const bool locked = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);  // releases the probe's own lock when it got one
    return locked;
}

}  // namespace encore
