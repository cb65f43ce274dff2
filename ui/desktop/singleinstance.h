#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace encore {

// One Encore per library: a second start (a file manager's "Open with Encore", `encore DIR`)
// hands its files and folders to the window already open over a local socket and exits.
// The socket's name is per user and per database, so Encore on another --db runs beside it.
class SingleInstance : public QObject {
    Q_OBJECT

public:
    static constexpr int kHandOverTimeoutMs = 3000;

    explicit SingleInstance(const QString& databasePath, QObject* parent = nullptr);
    ~SingleInstance() override;

    QString serverName() const { return name_; }
    // True when an Encore on this database took `paths` (absolute); false when none runs.
    bool handOver(const QStringList& paths, int timeoutMs = kHandOverTimeoutMs) const;
    // Becomes the one that receives them (a socket a crashed Encore left behind is replaced).
    bool listen(QString* error = nullptr);

Q_SIGNALS:
    // Another start asked this one to open these files and folders.
    void openRequested(const QStringList& paths);

private:
    void receive();

    QString name_;
    QLocalServer* server_ = nullptr;
};

}  // namespace encore
