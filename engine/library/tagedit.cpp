#include "library/tagedit.h"

#include <taglib/attachedpictureframe.h>
#include <taglib/fileref.h>
#include <taglib/flacfile.h>
#include <taglib/flacpicture.h>
#include <taglib/id3v2tag.h>
#include <taglib/mp4file.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/tpropertymap.h>
#include <taglib/vorbisfile.h>
#include <taglib/xiphcomment.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace encore {

namespace {

TagLib::String toTagLib(const QString& text) {
    return TagLib::String(text.toStdString(), TagLib::String::UTF8);
}

QString fromTagLib(const TagLib::String& text) {
    return QString::fromStdString(text.to8Bit(true));
}

TagLib::ByteVector bytes(const QByteArray& data) {
    return TagLib::ByteVector(data.constData(), uint(data.size()));
}

QString mimeOf(const CoverArt& cover) {
    if (!cover.mime_type.isEmpty())
        return cover.mime_type;
    return cover.data.startsWith("\x89PNG") ? QStringLiteral("image/png")
                                            : QStringLiteral("image/jpeg");
}

TagLib::FLAC::Picture* flacPicture(const CoverArt& cover) {
    auto* picture = new TagLib::FLAC::Picture;
    picture->setType(TagLib::FLAC::Picture::FrontCover);
    picture->setMimeType(toTagLib(mimeOf(cover)));
    picture->setData(bytes(cover.data));
    return picture;
}

void replaceXiphCover(TagLib::Ogg::XiphComment* tag, const std::optional<CoverArt>& cover) {
    for (TagLib::FLAC::Picture* p : tag->pictureList()) {
        if (p->type() == TagLib::FLAC::Picture::FrontCover)
            tag->removePicture(p, true);
    }
    tag->removeFields("COVERART");  // the older unofficial field would shadow the new cover
    if (cover)
        tag->addPicture(flacPicture(*cover));
}

// Puts `cover` (nullopt: none) in as the front cover, in the file's native tag.
Status replaceCover(TagLib::File* file, const std::optional<CoverArt>& cover, const QString& path) {
    using namespace TagLib;
    if (auto* mpeg = dynamic_cast<MPEG::File*>(file)) {
        ID3v2::Tag* tag = mpeg->ID3v2Tag(true);
        for (ID3v2::Frame* frame : tag->frameListMap()["APIC"]) {
            auto* apic = dynamic_cast<ID3v2::AttachedPictureFrame*>(frame);
            if (apic && apic->type() == ID3v2::AttachedPictureFrame::FrontCover)
                tag->removeFrame(frame, true);
        }
        if (cover) {
            auto* frame = new ID3v2::AttachedPictureFrame;
            frame->setType(ID3v2::AttachedPictureFrame::FrontCover);
            frame->setMimeType(toTagLib(mimeOf(*cover)));
            frame->setPicture(bytes(cover->data));
            tag->addFrame(frame);
        }
    } else if (auto* flac = dynamic_cast<FLAC::File*>(file)) {
        for (FLAC::Picture* p : flac->pictureList()) {
            if (p->type() == FLAC::Picture::FrontCover)
                flac->removePicture(p, true);
        }
        if (cover)
            flac->addPicture(flacPicture(*cover));
    } else if (auto* vorbis = dynamic_cast<Ogg::Vorbis::File*>(file)) {
        replaceXiphCover(vorbis->tag(), cover);
    } else if (auto* opus = dynamic_cast<Ogg::Opus::File*>(file)) {
        replaceXiphCover(opus->tag(), cover);
    } else if (auto* mp4 = dynamic_cast<MP4::File*>(file)) {
        MP4::Tag* tag = mp4->tag();
        if (!cover) {
            tag->removeItem("covr");
        } else {
            const auto format = mimeOf(*cover) == QLatin1String("image/png") ? MP4::CoverArt::PNG
                                                                             : MP4::CoverArt::JPEG;
            MP4::CoverArtList list;
            list.append(MP4::CoverArt(format, bytes(cover->data)));
            tag->setItem("covr", list);
        }
    } else {
        return Error{QStringLiteral("%1: Encore writes covers into MP3, FLAC, Ogg Vorbis, Opus "
                                    "and MP4 files only; its other tags can be edited.")
                         .arg(path)};
    }
    return {};
}

// The change that restores the properties `change` touches, and the cover if it touches it.
TagChange undoOf(const TagLib::PropertyMap& before, const TagChange& change, const QString& path) {
    TagChange undo;
    QStringList keys = change.set.keys() + change.remove;
    keys.removeDuplicates();
    for (const QString& key : keys) {
        const auto it = before.find(toTagLib(key));
        if (it == before.end()) {
            undo.remove << key;
            continue;
        }
        QStringList values;
        for (const TagLib::String& v : it->second)
            values << fromTagLib(v);
        undo.set.insert(key, values);
    }
    if (change.cover || change.remove_cover) {
        undo.cover = readEmbeddedCover(path);
        undo.remove_cover = !undo.cover;
    }
    return undo;
}

Status editCopy(const QString& copy, const QString& path, const TagChange& change,
                TagChange* undo) {
    TagLib::FileRef ref(QFile::encodeName(copy).constData(), false);
    if (ref.isNull() || !ref.file() || !ref.file()->isValid())
        return Error{
            QStringLiteral("%1 is not an audio file whose tags Encore can write.").arg(path)};
    TagLib::PropertyMap map = ref.file()->properties();
    *undo = undoOf(map, change, path);
    for (auto it = change.set.begin(); it != change.set.end(); ++it) {
        TagLib::StringList values;
        for (const QString& v : it.value())
            values.append(toTagLib(v));
        map.replace(toTagLib(it.key()), values);
    }
    for (const QString& key : change.remove)
        map.erase(toTagLib(key));
    ref.file()->setProperties(map);
    if (change.cover || change.remove_cover) {
        const Status covered = replaceCover(ref.file(), change.cover, path);
        if (!covered)
            return covered;
    }
    if (!ref.file()->save())
        return Error{QStringLiteral("TagLib could not save the tags of %1.").arg(path)};
    return {};
}

}  // namespace

Result<TagChange> applyTagChange(const QString& path, const TagChange& change) {
    const QFileInfo info(path);
    if (!info.isFile())
        return Error{QStringLiteral("%1 no longer exists; rescan the library.").arg(path)};
    if (!info.isWritable())
        return Error{
            QStringLiteral("%1 is read-only: allow writing to it, then edit again.").arg(path)};
    // The copy sits beside the file, so the rename that replaces it stays on one file system.
    const QString copy =
        info.dir().filePath(QStringLiteral(".%1.encore-edit").arg(info.fileName()));
    QFile::remove(copy);
    if (!QFile::copy(path, copy))
        return Error{QStringLiteral("Could not write beside %1 (is its folder read-only, or the "
                                    "disk full?); the file is unchanged.")
                         .arg(path)};
    TagChange undo;
    const Status edited = editCopy(copy, path, change, &undo);
    if (!edited) {
        QFile::remove(copy);
        return Error{edited.error()};
    }
    if (std::rename(QFile::encodeName(copy).constData(), QFile::encodeName(path).constData()) !=
        0) {
        QFile::remove(copy);
        return Error{QStringLiteral("Could not replace %1 with its edited copy; the file is "
                                    "unchanged.")
                         .arg(path)};
    }
    return undo;
}

TagEditReport applyTagChanges(const QStringList& paths, const TagChange& change) {
    TagEditReport report;
    for (const QString& path : paths) {
        Result<TagChange> undo = applyTagChange(path, change);
        if (undo)
            report.written.append({path, std::move(undo).value()});
        else
            report.failed.append({path, undo.error()});
    }
    return report;
}

TagEditReport undoTagEdit(const TagEditReport& edit) {
    TagEditReport report;
    report.undo = true;
    for (const TagEditedFile& file : edit.written) {
        Result<TagChange> redo = applyTagChange(file.path, file.undo);
        if (redo)
            report.written.append({file.path, std::move(redo).value()});
        else
            report.failed.append({file.path, redo.error()});
    }
    return report;
}

}  // namespace encore
