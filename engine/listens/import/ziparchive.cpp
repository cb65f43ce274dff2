#include "listens/import/ziparchive.h"

#include <QFile>
#include <QHash>

#include <zip.h>

namespace encore {

namespace {

QString zipErrorText(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const QString text = QString::fromUtf8(zip_error_strerror(&error));
    zip_error_fini(&error);
    return text;
}

// One member, decompressed as it is read.
class ZipMemberDevice : public QIODevice {
public:
    ZipMemberDevice(zip_file_t* file, QString name) : file_(file), name_(std::move(name)) {}
    ~ZipMemberDevice() override {
        if (file_)
            zip_fclose(file_);
    }
    bool isSequential() const override { return true; }
    bool atEnd() const override { return finished_ && QIODevice::atEnd(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override {
        if (!file_ || finished_)
            return -1;
        const zip_int64_t got = zip_fread(file_, data, zip_uint64_t(maxSize));
        if (got < 0) {
            setErrorString(QStringLiteral("%1 cannot be read from its archive: %2")
                               .arg(name_, QString::fromUtf8(zip_file_strerror(file_))));
            finished_ = true;
            return -1;
        }
        if (got == 0)
            finished_ = true;
        return got;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    zip_file_t* file_;
    QString name_;
    bool finished_ = false;
};

}  // namespace

struct ZipArchive::Impl {
    zip_t* zip = nullptr;
    QString path;
    QHash<QString, zip_uint64_t> index;  // member name -> entry index
    ~Impl() {
        if (zip)
            zip_discard(zip);  // read-only: nothing to write back
    }
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::looksLikeZip(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(4) == QByteArray("PK\x03\x04", 4);
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const QString& path) {
    int code = 0;
    zip_t* zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (!zip) {
        return Error{QStringLiteral("%1 cannot be opened as a zip archive (%2). Check that the "
                                    "download finished, or unpack it and import the folder.")
                         .arg(path, zipErrorText(code))};
    }
    auto impl = std::make_unique<Impl>();
    impl->zip = zip;
    impl->path = path;
    std::unique_ptr<ZipArchive> archive(new ZipArchive(std::move(impl)));
    const zip_int64_t count = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* name = zip_get_name(zip, zip_uint64_t(i), ZIP_FL_ENC_GUESS);
        if (!name)
            continue;
        const QString member = QString::fromUtf8(name);
        if (!member.endsWith(QLatin1Char('/'))) {
            archive->members_.append(member);
            archive->impl_->index.insert(member, zip_uint64_t(i));
        }
    }
    return archive;
}

Result<std::unique_ptr<QIODevice>> ZipArchive::openMember(const QString& name) {
    const auto entry = impl_->index.constFind(name);
    if (entry == impl_->index.constEnd())
        return Error{QStringLiteral("%1 has no member %2").arg(impl_->path, name)};
    zip_file_t* file = zip_fopen_index(impl_->zip, *entry, 0);
    if (!file) {
        return Error{QStringLiteral("%1!/%2 cannot be read: %3")
                         .arg(impl_->path, name, QString::fromUtf8(zip_strerror(impl_->zip)))};
    }
    auto device =
        std::make_unique<ZipMemberDevice>(file, impl_->path + QStringLiteral("!/") + name);
    device->open(QIODevice::ReadOnly);
    return std::unique_ptr<QIODevice>(std::move(device));
}

}  // namespace encore
