#include "desktop/singleinstance.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

#include <memory>

#include <unistd.h>

namespace encore {

namespace {

constexpr char kAcknowledge[] = "ok\n";

}  // namespace

SingleInstance::SingleInstance(const QString& databasePath, QObject* parent) : QObject(parent) {
    const QByteArray database = QFileInfo(databasePath).absoluteFilePath().toUtf8();
    name_ = QStringLiteral("encore-%1-%2")
                .arg(::getuid())
                .arg(QString::fromLatin1(
                    QCryptographicHash::hash(database, QCryptographicHash::Sha1).toHex().left(16)));
}

SingleInstance::~SingleInstance() = default;

// One line per path (UTF-8), then an empty line; the running one answers "ok".
bool SingleInstance::handOver(const QStringList& paths, int timeoutMs) const {
    QLocalSocket socket;
    socket.connectToServer(name_);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray message;
    for (const QString& path : paths)
        message += path.toUtf8() + '\n';
    message += '\n';
    socket.write(message);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine() == kAcknowledge;
}

bool SingleInstance::listen(QString* error) {
    server_ = new QLocalServer(this);
    server_->setSocketOptions(QLocalServer::UserAccessOption);  // this user's Encore only
    if (!server_->listen(name_)) {
        // No one answered handOver(): what is there is a crashed Encore's socket.
        QLocalServer::removeServer(name_);
        if (!server_->listen(name_)) {
            if (error)
                *error = QStringLiteral(
                             "cannot listen on %1 (%2): a second Encore will open a "
                             "window of its own")
                             .arg(name_, server_->errorString());
            return false;
        }
    }
    connect(server_, &QLocalServer::newConnection, this, &SingleInstance::receive);
    return true;
}

void SingleInstance::receive() {
    while (QLocalSocket* socket = server_->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QStringList>();
        const auto read = [this, socket, buffer] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine().chopped(1);
                if (!line.isEmpty()) {
                    buffer->append(QString::fromUtf8(line));
                    continue;
                }
                socket->write(kAcknowledge);
                socket->flush();
                const QStringList paths = *buffer;
                buffer->clear();
                Q_EMIT openRequested(paths);
            }
        };
        connect(socket, &QLocalSocket::readyRead, this, read);
        read();  // what arrived with the connection
    }
}

}  // namespace encore
