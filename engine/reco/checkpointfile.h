#pragma once

#include "core/result.h"
#include "reco/core/modelconfig.h"
#include "reco/core/twotowermodel.h"
#include "reco/recovocabulary.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace encore {

// The recommender's checkpoint: one file holding the vocabularies, the model with its
// optimiser state, the schema version it was built against and a JSON object of facts
// (when and on what it was trained, blend weights, evaluation figures). Written to a temp file,
// synced, then renamed over the old one; read back only when magic, format, schema version and
// checksum all agree.
class CheckpointFile {
public:
    // Bump when the layout or the model changes (2: query-side artists; 3: session attention and
    // identity skips).
    static constexpr quint32 kFormat = 3;
    // A million-track library's model with its optimiser state is about 0.5 GB.
    static constexpr qint64 kMaxCheckpointBytes = qint64(2) << 30;

    struct Contents {
        RecoVocabulary vocabulary;
        QJsonObject meta;
        QByteArray model;  // TwoTowerModel::save() bytes
    };

    // Removes the temporary files that runs killed while loading or saving left beside the
    // checkpoint at `path` (their process is gone); returns how many.
    static int removeLeftovers(const QString& path);

    static Status save(const QString& path, const RecoVocabulary& vocabulary,
                       const QJsonObject& meta, const reco::TwoTowerModel& model);

    // Everything but the model weights, verified. The error names the file and the problem.
    static Result<Contents> read(const QString& path);

    // The model of `contents`; with `grow_to` its vocabularies grow (warm start).
    static Result<reco::TwoTowerModel> loadModel(const Contents& contents, const QString& path,
                                                 const std::optional<reco::ModelConfig>& grow_to);
};

}  // namespace encore
