#pragma once

#include "core/track.h"
#include "library/tagedit.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;

namespace encore {

// Edits the tags of one or many files: title, artist, album artist, album, genres, year, track
// and disc numbers, and the front cover. The files' tags are read off the GUI thread; a field
// whose files differ shows "(different values)" and is written only if it is edited.
class TagEditorDialog : public QDialog {
    Q_OBJECT

public:
    // The TagLib property each field writes.
    enum Field { Title, Artist, AlbumArtist, Album, Genres, Year, Track, Disc, FieldCount };

    explicit TagEditorDialog(const QStringList& paths, QWidget* parent = nullptr);

    const QStringList& paths() const { return paths_; }
    // What to write: the edited fields (emptied ones removed) and the cover, if changed.
    TagChange change() const;
    bool isLoaded() const { return loaded_; }
    QLineEdit* field(Field f) const { return fields_[f]; }
    // A new front cover from an image file (what "Choose…" does); false if it is no image.
    bool setCoverFromFile(const QString& imagePath);

Q_SIGNALS:
    void loaded();

private:
    void show(const QList<TrackTags>& tags);
    void showCover(const QByteArray& data);

    QStringList paths_;
    QLineEdit* fields_[FieldCount];
    bool edited_[FieldCount] = {};
    QLabel* cover_;
    QLabel* note_;
    std::optional<CoverArt> new_cover_;
    bool remove_cover_ = false;
    bool loaded_ = false;
};

}  // namespace encore
