#include "benchdatabase.h"

#include "listens/import/historyimporter.h"
#include "reco/snapshotreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>
#include <QTimeZone>

namespace encore::bench {

QString sharedData(const QString& sub) {
    return QDir::cleanPath(QDir(QStringLiteral(ENCORE_SHARED_DATA)).filePath(sub));
}

Status importHistories(const QString& path, const QList<QPair<QString, QStringList>>& imports) {
    if (QFileInfo::exists(path))
        return {};
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    const Database database(partial);
    if (Status migrated = database.migrate(); !migrated)
        return migrated;
    {
        ScopedConnection connection(database, QStringLiteral("bench-import"));
        if (!connection.ok())
            return Error{connection.error()};
        HistoryImporter importer(connection.db());
        QTextStream out(stdout);
        for (const auto& [profile, files] : imports) {
            QElapsedTimer timer;
            timer.start();
            ImportOptions options;
            options.profile = profile;
            options.skip_invalid = true;
            options.time_zone = QTimeZone::utc();
            const ImportReport report = importer.importPaths(files, options);
            if (!report.ok()) {
                for (const FileImportReport& f : report.files) {
                    if (!f.ok())
                        return Error{f.error};
                }
            }
            out << QStringLiteral("  imported %1: %2 listens in %3 s\n")
                       .arg(profile)
                       .arg(report.total().added())
                       .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1);
            out.flush();
        }
    }
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    if (!QFile::rename(partial, path))
        return Error{QStringLiteral("cannot rename %1 to %2").arg(partial, path)};
    QFile::rename(partial + QStringLiteral("-wal"), path + QStringLiteral("-wal"));
    return {};
}

Result<TrainingData> loadTrainingData(const Database& database) {
    ScopedConnection connection(database, QStringLiteral("bench-snapshot"));
    if (!connection.ok())
        return Error{connection.error()};
    Result<LogSnapshot> snapshot = SnapshotReader(connection.db()).read();
    if (!snapshot)
        return Error{snapshot.error()};
    RecoVocabulary vocabulary;
    std::optional<TrainingData> data = TrainingData::build(snapshot.value(), vocabulary);
    if (!data)
        return Error{QStringLiteral("cancelled")};
    return std::move(*data);
}

}  // namespace encore::bench
