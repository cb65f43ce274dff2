#include "sharedhistories.h"

#include "listens/import/historyimporter.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace encore::bench {

Status importSharedHistories(QSqlDatabase db, const QString& listensDir,
                             const QStringList& folders) {
    HistoryImporter importer(db);
    for (const QString& folder : folders) {
        ImportOptions options;
        options.profile = QDir(folder).dirName().section(QLatin1Char('_'), 0, 0);
        options.time_zone = QTimeZone(QByteArrayLiteral("Europe/Berlin"));
        options.now_seconds = 1798761600;  // 2027-01-01: some exports run into 2026
        const ImportReport report =
            importer.importPaths({QDir(listensDir).filePath(folder)}, options);
        if (!report.ok())
            return Error{
                QStringLiteral("Importing %1 failed: %2")
                    .arg(folder, report.files.isEmpty() ? QString() : report.files.front().error)};
    }
    return {};
}

Result<int> tagFromArtistTags(QSqlDatabase db, const QString& tsvPath, int tags) {
    QFile file(tsvPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{QStringLiteral("Cannot read %1: %2").arg(tsvPath, file.errorString())};
    QHash<QString, QStringList> byArtist;
    file.readLine();  // header
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        QStringList top;
        for (const QString& tag : line.section(QLatin1Char('\t'), 1).split(QLatin1Char(';'))) {
            const QString name = tag.section(QLatin1Char(':'), 0, 0).trimmed();
            if (!name.isEmpty() && name != QLatin1String("seen live") && top.size() < tags)
                top.append(name);
        }
        byArtist.insert(line.section(QLatin1Char('\t'), 0, 0).toCaseFolded(), top);
    }
    ScopedTransaction transaction(db);
    QSqlQuery tracks(db);
    QSqlQuery genre(db);
    QSqlQuery link(db);
    if (!tracks.exec(QStringLiteral("SELECT id, artist FROM tracks")) ||
        !genre.prepare(QStringLiteral("INSERT INTO genres(name) VALUES (?) ON CONFLICT(name) DO "
                                      "UPDATE SET name = name RETURNING id")) ||
        !link.prepare(QStringLiteral("INSERT OR IGNORE INTO track_genres(track_id, genre_id, "
                                     "position) VALUES (?, ?, ?)")))
        return Error{tracks.lastError().text() + genre.lastError().text()};
    QHash<QString, qint64> genreIds;
    int tagged = 0;
    while (tracks.next()) {
        const QStringList names = byArtist.value(tracks.value(1).toString().toCaseFolded());
        for (int i = 0; i < names.size(); ++i) {
            qint64 id = genreIds.value(names[i].toCaseFolded());
            if (id == 0) {
                genre.addBindValue(names[i]);
                if (!genre.exec() || !genre.next())
                    return Error{genre.lastError().text()};
                id = genre.value(0).toLongLong();
                genre.finish();
                genreIds.insert(names[i].toCaseFolded(), id);
            }
            link.addBindValue(tracks.value(0));
            link.addBindValue(id);
            link.addBindValue(i);
            if (!link.exec())
                return Error{link.lastError().text()};
        }
        tagged += names.isEmpty() ? 0 : 1;
    }
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    return tagged;
}

}  // namespace encore::bench
