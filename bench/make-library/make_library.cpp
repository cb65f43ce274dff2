// make-library N OUTDIR [--seed S] [--genres G] [--covers]
// Generates a deterministic library of N real, tagged audio files for benchmarks and the demo.

#include "clipcache.h"
#include "libraryplan.h"

#include "library/tagwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QtConcurrent/QtConcurrentMap>

#include <cstdio>

using namespace encore;
using namespace encore::bench;

namespace {

constexpr auto kManifest = ".encore-library.json";

int fail(const QString& message) {
    std::fprintf(stderr, "make-library: %s\n", qPrintable(message));
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generates a deterministic library of N real, tagged audio files "
        "(AlbumArtist/Album/NN - Title.ext; ~60% mp3, 25% flac, 10% ogg, 5% m4a/opus; 3-10 s)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("N"), QStringLiteral("Number of files."));
    parser.addPositionalArgument(
        QStringLiteral("OUTDIR"),
        QStringLiteral("Where to write (replaced if it holds a generated library)."));
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                      QStringLiteral("S"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("genres"), QStringLiteral("Number of genres (default 25)."),
                      QStringLiteral("G"), QStringLiteral("25")});
    parser.addOption(
        {QStringLiteral("covers"), QStringLiteral("Put a cover.jpg in every album folder.")});
    parser.addOption({QStringLiteral("clips"), QStringLiteral("Base clip cache folder."),
                      QStringLiteral("DIR"), ClipCache::defaultFolder()});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        parser.showHelp(1);
    bool ok = false;
    PlanOptions options;
    options.files = args[0].toInt(&ok);
    if (!ok || options.files <= 0)
        return fail(QStringLiteral("N must be a positive number"));
    options.seed = parser.value(QStringLiteral("seed")).toULongLong();
    options.genres = parser.value(QStringLiteral("genres")).toInt();
    const QString out = QDir(args[1]).absolutePath();

    QDir outDir(out);
    if (outDir.exists() &&
        !outDir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (!QFile::exists(outDir.filePath(QLatin1String(kManifest))))
            return fail(
                QStringLiteral("refusing to replace %1: it was not made by make-library").arg(out));
        outDir.removeRecursively();
    }
    QDir().mkpath(out);

    QElapsedTimer timer;
    timer.start();
    ClipCache clips(parser.value(QStringLiteral("clips")));
    const Status prepared = clips.prepare();
    if (!prepared)
        return fail(prepared.error());

    const QList<PlannedFile> plan = planLibrary(options);
    const bool covers = parser.isSet(QStringLiteral("covers"));
    QMutex errorsLock;
    QStringList errors;
    QtConcurrent::blockingMap(plan, [&](const PlannedFile& file) {
        const QString path = out + QLatin1Char('/') + file.relative_path;
        const QString folder = QFileInfo(path).path();
        QDir().mkpath(folder);
        if (covers && file.tags.track_no == 1)
            QFile::copy(clips.cover(), folder + QStringLiteral("/cover.jpg"));
        QString error;
        if (!QFile::copy(clips.clip(file.format, file.clip_seconds), path)) {
            error = QStringLiteral("cannot write %1").arg(path);
        } else {
            QFile::setPermissions(
                path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
            const Status tagged = writeTrackTags(path, file.tags);
            if (!tagged)
                error = tagged.error();
        }
        if (!error.isEmpty()) {
            QMutexLocker lock(&errorsLock);
            errors.append(error);
        }
    });
    if (!errors.isEmpty())
        return fail(errors.first());

    QMap<QString, int> formats;
    for (const PlannedFile& file : plan)
        ++formats[file.format];
    QJsonObject formatCounts;
    for (auto it = formats.cbegin(); it != formats.cend(); ++it)
        formatCounts.insert(it.key(), it.value());
    QFile manifest(outDir.filePath(QLatin1String(kManifest)));
    manifest.open(QIODevice::WriteOnly);
    manifest.write(QJsonDocument(QJsonObject{{QStringLiteral("files"), options.files},
                                             {QStringLiteral("seed"), qint64(options.seed)},
                                             {QStringLiteral("genres"), options.genres},
                                             {QStringLiteral("formats"), formatCounts}})
                       .toJson());
    std::printf("make-library files=%d seconds=%.1f dir=%s\n", options.files,
                double(timer.elapsed()) / 1000.0, qPrintable(out));
    return 0;
}
