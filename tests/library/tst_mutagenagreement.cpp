// An independent reader as the check: on TagLib's corpus (../shared/data/audio/taglib), every
// title, artist and album that mutagen (python3-mutagen, tests/library/mutagen_tags.py) reads,
// Encore's readTrackTags reads too, or kDifferences below names the file, field and why.
#include "library/tagnormalizer.h"
#include "library/tagreader.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <array>

using namespace encore;

namespace {

// Where Encore reads another value than mutagen, on purpose. Each entry must still differ.
struct Difference {
    const char* file;
    const char* field;
    const char* reason;
};

// An entry: {"file", "title" | "artist" | "album", "why Encore reads otherwise"}. None today:
// where Encore lost what mutagen read, readTrackTags now recovers it (library/tagfallback).
constexpr std::array<Difference, 0> kDifferences{};

constexpr int kMutagenTimeoutMs = 120000;
constexpr const char* kFields[] = {"title", "artist", "album"};

struct MutagenTags {
    QString error;
    QHash<QString, QString> fields;  // "title", "artist", "album" -> first value, cleaned
};

QString encoreField(const TrackTags& tags, const QString& field) {
    if (field == QLatin1String("title"))
        return tags.title;
    if (field == QLatin1String("artist"))
        return tags.artist;
    return tags.album;
}

const Difference* listedDifference(const QString& file, const QString& field) {
    for (const Difference& d : kDifferences) {
        if (file == QLatin1String(d.file) && field == QLatin1String(d.field))
            return &d;
    }
    return nullptr;
}

// One mutagen run over every file: path -> what it read.
QHash<QString, MutagenTags> readWithMutagen(const QString& dir, const QStringList& files) {
    QHash<QString, MutagenTags> out;
    QProcess python;
    python.setWorkingDirectory(dir);
    python.start(QStringLiteral(ENCORE_PYTHON3),
                 QStringList{QStringLiteral(ENCORE_MUTAGEN_SCRIPT)} + files);
    if (!python.waitForFinished(kMutagenTimeoutMs) || python.exitCode() != 0) {
        qWarning("mutagen_tags.py failed: %s", python.readAllStandardError().constData());
        return out;
    }
    const QList<QByteArray> lines = python.readAllStandardOutput().split('\n');
    for (const QByteArray& line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        MutagenTags tags;
        tags.error = object.value(QLatin1String("error")).toString();
        for (const char* field : kFields)
            tags.fields.insert(QLatin1String(field),
                               cleanTagText(object.value(QLatin1String(field)).toString()));
        out.insert(object.value(QLatin1String("path")).toString(), tags);
    }
    return out;
}

// A bare ID3v2 tag (.id3, TagLib's parser tests: no audio, so no song) is read as the tag of
// a real MP3: itself followed by the audio frames of tests/data/audio/clip.mp3.
QByteArray asMp3(const QString& bareTag, const QTemporaryDir& temp) {
    QFile tag(bareTag);
    QFile clip(QStringLiteral(ENCORE_TEST_DATA "/audio/clip.mp3"));
    if (!tag.open(QIODevice::ReadOnly) || !clip.open(QIODevice::ReadOnly))
        return {};
    const QByteArray audio = clip.readAll();
    const auto b = [&audio](int i) { return int(quint8(audio.at(i))); };
    const int clipTagSize = 10 + (b(6) << 21 | b(7) << 14 | b(8) << 7 | b(9));  // synchsafe
    const QString path = temp.filePath(QFileInfo(bareTag).completeBaseName() + ".mp3");
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(tag.readAll() + audio.mid(clipTagSize)) < 0)
        return {};
    return QFile::encodeName(path);
}

QString shortened(const QString& text) {
    return text.size() > 60 ? text.left(60) + QStringLiteral("…") : text;
}

}  // namespace

class TestMutagenAgreement : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void encoreReadsWhatMutagenReads() {
        ENCORE_REQUIRE_SHARED_DATA("audio/taglib");
        const QString dir = test::sharedDataDir(QStringLiteral("audio/taglib"));
        QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
        files.removeAll(QStringLiteral("README.md"));
        files.removeAll(QStringLiteral("SHA256SUMS"));
        QVERIFY2(files.size() >= 100, qPrintable(QString::number(files.size())));
        const QHash<QString, MutagenTags> mutagen = readWithMutagen(dir, files);
        QCOMPARE(mutagen.size(), files.size());  // one line per file, read or not

        QTemporaryDir temp;
        QStringList failures;
        QSet<QString> differing;  // "file/field" of each listed difference seen
        QSet<QString> seen;       // "file/field" of each listed entry mutagen read a value for
        int compared = 0;
        int agreeing = 0;
        int unreadable = 0;  // files mutagen itself cannot read: nothing to compare
        for (const QString& file : std::as_const(files)) {
            const MutagenTags& theirs = mutagen[file];
            const QString path = dir + u'/' + file;
            const TagReadResult ours = readTrackTags(
                file.endsWith(QLatin1String(".id3")) ? asMp3(path, temp) : QFile::encodeName(path));
            unreadable += theirs.error.isEmpty() ? 0 : 1;
            if (!ours.problem.isEmpty())
                qInfo("Encore lists %s: %s", qPrintable(file), qPrintable(ours.problem));
            bool any = false;
            for (const char* fieldName : kFields) {
                const QString field = QLatin1String(fieldName);
                const QString value = theirs.fields.value(field);
                if (value.isEmpty())
                    continue;  // mutagen reads nothing here: nothing to agree on
                any = true;
                const QString mine = encoreField(ours.tags, field);
                const Difference* listed = listedDifference(file, field);
                if (listed)
                    seen.insert(file + u'/' + field);
                if (mine == value) {
                    ++agreeing;
                    if (listed)
                        failures << QStringLiteral(
                                        "%1 %2: listed as differing, but both read "
                                        "\"%3\"; remove it from kDifferences")
                                        .arg(file, field, shortened(mine));
                } else if (listed) {
                    differing.insert(file + u'/' + field);
                    qInfo("listed: %s %s: mutagen \"%s\", Encore \"%s\" (%s)", qPrintable(file),
                          qPrintable(field), qPrintable(shortened(value)),
                          qPrintable(shortened(mine)), listed->reason);
                } else {
                    failures << QStringLiteral("%1 %2: mutagen reads \"%3\", Encore \"%4\"%5")
                                    .arg(file, field, shortened(value), shortened(mine),
                                         ours.ok ? QString()
                                                 : QStringLiteral(" (") + ours.error +
                                                       QStringLiteral(")"));
                }
            }
            compared += any ? 1 : 0;
        }
        for (const Difference& d : kDifferences) {
            const QString key = QLatin1String(d.file) + u'/' + QLatin1String(d.field);
            if (!seen.contains(key))
                failures << QStringLiteral(
                                "%1 %2: listed as differing, but mutagen reads "
                                "nothing there; remove it from kDifferences")
                                .arg(QLatin1String(d.file), QLatin1String(d.field));
        }
        qInfo(
            "mutagen agreement: %d files compared, %d fields agreeing, %d listed differences "
            "(%d of %d files mutagen cannot read)",
            compared, agreeing, int(differing.size()), unreadable, int(files.size()));
        QVERIFY2(compared >= 20, "mutagen read too few files: is python3-mutagen installed?");
        for (const QString& failure : std::as_const(failures))
            qWarning("%s", qPrintable(failure));
        QVERIFY2(failures.isEmpty(),
                 qPrintable(QStringLiteral("%1 disagreements, listed above").arg(failures.size())));
    }
};

QTEST_GUILESS_MAIN(TestMutagenAgreement)
#include "tst_mutagenagreement.moc"
