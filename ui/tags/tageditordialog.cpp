#include "tageditordialog.h"

#include "library/coverart.h"
#include "library/tagreader.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImageReader>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace encore {

namespace {

constexpr int kCoverSize = 160;
constexpr qint64 kMaxCoverBytes = 16 << 20;  // bigger images are no cover worth embedding

const char* const kKeys[] = {"TITLE", "ARTIST", "ALBUMARTIST", "ALBUM",
                             "GENRE", "DATE",   "TRACKNUMBER", "DISCNUMBER"};

QString number(int n) {
    return n > 0 ? QString::number(n) : QString();
}

QString textOf(const TrackTags& t, int field) {
    switch (field) {
        case TagEditorDialog::Title:
            return t.title;
        case TagEditorDialog::Artist:
            return t.artist;
        case TagEditorDialog::AlbumArtist:
            return t.album_artist;
        case TagEditorDialog::Album:
            return t.album;
        case TagEditorDialog::Genres:
            return t.genres.join(QStringLiteral("; "));
        case TagEditorDialog::Year:
            return number(t.year);
        case TagEditorDialog::Track:
            return number(t.track_no);
        case TagEditorDialog::Disc:
            return number(t.disc_no);
        default:
            return {};
    }
}

struct Loaded {
    QList<TrackTags> tags;
    QByteArray cover;  // the first file's embedded cover
};

}  // namespace

TagEditorDialog::TagEditorDialog(const QStringList& paths, QWidget* parent)
    : QDialog(parent), paths_(paths), cover_(new QLabel(this)), note_(new QLabel(this)) {
    setObjectName(QStringLiteral("tagEditor"));
    setWindowTitle(paths.size() == 1 ? tr("Edit tags of %1").arg(QFileInfo(paths[0]).fileName())
                                     : tr("Edit tags of %1 songs").arg(paths.size()));
    const char* labels[] = {QT_TR_NOOP("Title"), QT_TR_NOOP("Artist"), QT_TR_NOOP("Album artist"),
                            QT_TR_NOOP("Album"), QT_TR_NOOP("Genres"), QT_TR_NOOP("Year"),
                            QT_TR_NOOP("Track"), QT_TR_NOOP("Disc")};
    auto* form = new QFormLayout;
    for (int f = 0; f < FieldCount; ++f) {
        fields_[f] = new QLineEdit(this);
        fields_[f]->setEnabled(false);  // until the files are read
        if (f >= Year)
            fields_[f]->setValidator(new QIntValidator(0, 9999, fields_[f]));
        connect(fields_[f], &QLineEdit::textEdited, this, [this, f] { edited_[f] = true; });
        form->addRow(tr(labels[f]), fields_[f]);
    }
    fields_[Genres]->setToolTip(tr("Several genres: separate them with \u201c;\u201d"));
    cover_->setFixedSize(kCoverSize, kCoverSize);
    cover_->setAlignment(Qt::AlignCenter);
    cover_->setFrameShape(QFrame::StyledPanel);
    cover_->setToolTip(paths_.size() == 1 ? tr("The file's embedded front cover")
                                          : tr("The first song's embedded front cover"));
    auto* choose = new QPushButton(tr("Choose a cover…"), this);
    auto* remove = new QPushButton(tr("Remove the cover"), this);
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString image = QFileDialog::getOpenFileName(
            this, tr("Choose a cover"), QFileInfo(paths_.value(0)).absolutePath(),
            tr("Images (*.jpg *.jpeg *.png)"));
        if (!image.isEmpty() && !setCoverFromFile(image))
            note_->setText(tr("%1 is not a JPEG or PNG image.").arg(image));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        new_cover_.reset();
        remove_cover_ = true;
        cover_->setText(tr("No cover"));
    });
    auto* coverColumn = new QVBoxLayout;
    coverColumn->addWidget(cover_);
    coverColumn->addWidget(choose);
    coverColumn->addWidget(remove);
    coverColumn->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addLayout(form, 1);
    top->addLayout(coverColumn);
    note_->setWordWrap(true);
    note_->setText(tr("Reading the tags…"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    connect(this, &TagEditorDialog::loaded, buttons->button(QDialogButtonBox::Save),
            [buttons] { buttons->button(QDialogButtonBox::Save)->setEnabled(true); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(note_);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());

    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Loaded read = watcher->result();
        showCover(read.cover);
        show(read.tags);
    });
    watcher->setFuture(QtConcurrent::run([paths] {
        Loaded out;
        for (const QString& path : paths) {
            const TagReadResult r = readTrackTags(QFile::encodeName(path));
            out.tags.append(r.ok ? r.tags : TrackTags());
        }
        if (!paths.isEmpty()) {
            if (const std::optional<CoverArt> c = readEmbeddedCover(paths[0]))
                out.cover = c->data;
        }
        return out;
    }));
}

void TagEditorDialog::show(const QList<TrackTags>& tags) {
    for (int f = 0; f < FieldCount; ++f) {
        bool same = true;
        const QString first = tags.isEmpty() ? QString() : textOf(tags[0], f);
        for (const TrackTags& t : tags)
            same = same && textOf(t, f) == first;
        fields_[f]->setText(same ? first : QString());
        fields_[f]->setPlaceholderText(same ? QString() : tr("(different values)"));
        fields_[f]->setEnabled(true);
    }
    note_->setText(paths_.size() == 1
                       ? paths_[0]
                       : tr("Only the fields you change are written to all %1 files; the others "
                            "keep each file's own value.")
                             .arg(paths_.size()));
    loaded_ = true;
    Q_EMIT loaded();
}

void TagEditorDialog::showCover(const QByteArray& data) {
    QImage image;
    if (!data.isEmpty() && image.loadFromData(data))
        cover_->setPixmap(QPixmap::fromImage(
            image.scaled(kCoverSize, kCoverSize, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    else
        cover_->setText(tr("No embedded cover"));
}

bool TagEditorDialog::setCoverFromFile(const QString& imagePath) {
    QFile file(imagePath);
    if (file.size() > kMaxCoverBytes || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray data = file.readAll();
    const QByteArray format = QImageReader::imageFormat(imagePath);
    if (format != "jpeg" && format != "png")
        return false;
    new_cover_ =
        CoverArt{data, format == "png" ? QStringLiteral("image/png") : QStringLiteral("image/jpeg"),
                 QStringLiteral("embedded")};
    remove_cover_ = false;
    showCover(data);
    return true;
}

TagChange TagEditorDialog::change() const {
    TagChange change;
    for (int f = 0; f < FieldCount; ++f) {
        if (!edited_[f])
            continue;
        const QString key = QString::fromLatin1(kKeys[f]);
        const QString text = fields_[f]->text().trimmed();
        if (text.isEmpty()) {
            change.remove << key;
        } else if (f == Genres) {
            QStringList genres;
            for (const QString& g : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
                if (!g.trimmed().isEmpty())
                    genres << g.trimmed();
            change.set.insert(key, genres);
        } else {
            change.set.insert(key, {text});
        }
    }
    change.cover = new_cover_;
    change.remove_cover = remove_cover_;
    return change;
}

}  // namespace encore
