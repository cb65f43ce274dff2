#include "reco/checkpointfile.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryFile>

#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace encore {

namespace {

constexpr quint32 kMagic = 0x454e434b;  // "ENCK"
constexpr quint64 kFnvOffset = 1469598103934665603ULL;
constexpr quint64 kFnvPrime = 1099511628211ULL;

quint64 checksum(const char* data, qint64 size) {
    quint64 h = kFnvOffset;
    for (qint64 i = 0; i < size; ++i) {
        h ^= static_cast<unsigned char>(data[i]);
        h *= kFnvPrime;
    }
    return h;
}

Error unusable(const QString& path, const QString& why) {
    return Error{QStringLiteral("The recommender checkpoint %1 is unusable (%2); it will be "
                                "replaced by a retrained model.")
                     .arg(QDir::toNativeSeparators(path), why)};
}

// The model goes through a temporary file: the core reads and writes models by path.
// Temporary files carry the id of the process writing them, so that a later run can tell what a
// killed run left (its process is gone) from another Encore's write in progress. The torch core
// saves through "<name>.tmp" of its own, so a kill there leaves "model-save-....tmp.tmp".
QString temporaryTemplate(const QString& dir, const char* role) {
    return QDir(dir).filePath(QStringLiteral("model-%1-%2-XXXXXX.tmp")
                                  .arg(QLatin1String(role))
                                  .arg(QCoreApplication::applicationPid()));
}

bool processIsGone(qint64 pid) {
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

Result<QByteArray> modelBytes(const reco::TwoTowerModel& model, const QString& dir) {
    QTemporaryFile temp(temporaryTemplate(dir, "save"));
    if (!temp.open())
        return Error{
            QStringLiteral("Cannot write a temporary file in %1: %2").arg(dir, temp.errorString())};
    temp.close();
    const reco::CoreStatus saved = model.save(temp.fileName().toStdString());
    if (!saved)
        return Error{QString::fromStdString(saved.error())};
    QFile file(temp.fileName());
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("Cannot read back %1: %2").arg(file.fileName(), file.errorString())};
    return file.readAll();
}

}  // namespace

Status CheckpointFile::save(const QString& path, const RecoVocabulary& vocabulary,
                            const QJsonObject& meta, const reco::TwoTowerModel& model) {
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return Error{QStringLiteral("Cannot create the folder %1 for the recommender "
                                    "checkpoint: check its permissions.")
                         .arg(dir)};
    const Result<QByteArray> weights = modelBytes(model, dir);
    if (!weights)
        return Error{weights.error()};
    // The model's vocabulary sizes must equal the vocabularies': checked on read.
    QJsonObject facts = meta;
    const reco::ModelConfig& config = model.config();
    facts.insert(QStringLiteral("model_sizes"),
                 QJsonArray{config.num_tracks, config.num_profiles, config.num_artists,
                            config.num_genres, config.num_tokens});
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << kMagic << kFormat << quint32(Database::latestSchemaVersion())
            << vocabulary.serialize() << QJsonDocument(facts).toJson(QJsonDocument::Compact)
            << weights.value();
        out << checksum(bytes.constData(), bytes.size());
    }
    // Written beside the old checkpoint, synced, then renamed over it: a kill at any moment
    // leaves the old file or the new one, whole.
    QTemporaryFile file(temporaryTemplate(dir, "write"));
    const auto failed = [&path](const QString& why) {
        return Error{QStringLiteral("Cannot write the recommender checkpoint %1: %2")
                         .arg(QDir::toNativeSeparators(path), why)};
    };
    if (!file.open() || file.write(bytes) != bytes.size() || !file.flush() ||
        ::fsync(file.handle()) != 0)
        return failed(file.errorString());
    if (std::rename(QFile::encodeName(file.fileName()).constData(),
                    QFile::encodeName(path).constData()) != 0)
        return failed(QString::fromLocal8Bit(std::strerror(errno)));
    file.setAutoRemove(false);  // it is the checkpoint now
    return {};
}

int CheckpointFile::removeLeftovers(const QString& path) {
    static const QRegularExpression kTagged(
        QStringLiteral("^model-(?:load|save|write)-(\\d+)-[A-Za-z0-9]{6}\\.tmp(?:\\.tmp)?$"));
    // Before the process id was in the name: QSaveFile's "<checkpoint>.XXXXXX", "model-XXXXXX.tmp".
    const QString name = QFileInfo(path).fileName();
    const QRegularExpression untagged(
        QStringLiteral("^(?:model-[A-Za-z0-9]{6}\\.tmp|%1\\.[A-Za-z0-9]{6})$")
            .arg(QRegularExpression::escape(name)));
    const QDir dir = QFileInfo(path).absoluteDir();
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    int removed = 0;
    for (const QFileInfo& file : dir.entryInfoList(QDir::Files)) {
        const QRegularExpressionMatch tagged = kTagged.match(file.fileName());
        const bool stale = tagged.hasMatch() ? processIsGone(tagged.captured(1).toLongLong())
                                             : untagged.match(file.fileName()).hasMatch() &&
                                                   file.lastModified() < hourAgo;
        if (stale && QFile::remove(file.absoluteFilePath()))
            ++removed;
    }
    return removed;
}

Result<CheckpointFile::Contents> CheckpointFile::read(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unusable(path, file.errorString());
    // Refused before reading: a damaged or planted file must not cost the memory it claims.
    if (file.size() > kMaxCheckpointBytes)
        return unusable(path, QStringLiteral("it is %1 MB, more than any model Encore writes "
                                             "(at most %2 MB)")
                                  .arg(file.size() >> 20)
                                  .arg(kMaxCheckpointBytes >> 20));
    const QByteArray bytes = file.readAll();
    constexpr qint64 kChecksumBytes = sizeof(quint64);
    if (bytes.size() < qint64(3 * sizeof(quint32)) + kChecksumBytes)
        return unusable(path, QStringLiteral("it is truncated"));
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, format = 0, schema = 0;
    in >> magic >> format >> schema;
    if (magic != kMagic)
        return unusable(path, QStringLiteral("it is not an Encore recommender checkpoint"));
    if (format != kFormat)
        return unusable(path, QStringLiteral("it has format %1, this Encore reads format %2")
                                  .arg(format)
                                  .arg(kFormat));
    if (schema > quint32(Database::latestSchemaVersion()))
        return unusable(path, QStringLiteral("it was written for database schema %1, newer than "
                                             "this Encore's %2")
                                  .arg(schema)
                                  .arg(Database::latestSchemaVersion()));
    QDataStream tail(bytes.right(kChecksumBytes));
    tail.setVersion(QDataStream::Qt_6_4);
    quint64 stored = 0;
    tail >> stored;
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION  // so the fuzzer reaches what follows
    if (stored != checksum(bytes.constData(), bytes.size() - kChecksumBytes))
        return unusable(path, QStringLiteral("its checksum does not match: it is damaged"));
#endif
    QByteArray vocabulary, meta;
    Contents c;
    in >> vocabulary >> meta >> c.model;
    if (in.status() != QDataStream::Ok)
        return unusable(path, QStringLiteral("it is truncated"));
    Result<RecoVocabulary> v = RecoVocabulary::deserialize(vocabulary);
    if (!v)
        return unusable(path, v.error());
    c.vocabulary = std::move(v).value();
    QJsonParseError parse{};
    c.meta = QJsonDocument::fromJson(meta, &parse).object();
    if (parse.error != QJsonParseError::NoError)
        return unusable(path, QStringLiteral("its facts are not valid JSON"));
    const RecoVocabulary& v2 = c.vocabulary;
    const QJsonArray expected{v2.trackCount(), v2.profileCount(), v2.artistCount(), v2.genreCount(),
                              v2.tokenCount()};
    if (c.meta.value(QStringLiteral("model_sizes")).toArray() != expected)
        return unusable(path, QStringLiteral("its model and vocabularies disagree in size"));
    return c;
}

Result<reco::TwoTowerModel> CheckpointFile::loadModel(
    const Contents& contents, const QString& path,
    const std::optional<reco::ModelConfig>& grow_to) {
    QTemporaryFile temp(temporaryTemplate(QFileInfo(path).absolutePath(), "load"));
    if (!temp.open() || temp.write(contents.model) != contents.model.size() || !temp.flush())
        return unusable(path,
                        QStringLiteral("cannot unpack its model: %1").arg(temp.errorString()));
    temp.close();
    reco::Expected<reco::TwoTowerModel> model =
        reco::TwoTowerModel::load(temp.fileName().toStdString(), grow_to);
    if (!model)
        return unusable(path, QString::fromStdString(model.error()));
    return std::move(model).value();
}

}  // namespace encore
