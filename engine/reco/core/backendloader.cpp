// Finds and loads libencore_torch.so once per process.

#include "reco/core/modelimpl_p.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

namespace encore::reco::detail {

namespace {

constexpr const char* kModuleName = "libencore_torch.so";

std::string executableFolder() {
    std::vector<char> buffer(4096);
    const ssize_t n = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
    if (n <= 0)
        return {};
    std::string path(buffer.data(), static_cast<size_t>(n));
    return path.substr(0, path.rfind('/'));
}

// Next to the program, then an installed layout, then the build tree the program was made in.
// Never a path from the environment: the module runs with the listener's rights and reads their
// whole history, so no variable may swap in another library.
std::vector<std::string> candidates() {
    std::vector<std::string> paths;
    const std::string folder = executableFolder();
    if (!folder.empty()) {
        paths.push_back(folder + "/" + kModuleName);
        paths.push_back(folder + "/../lib/encore/" + kModuleName);
    }
#ifdef ENCORE_TORCH_BACKEND_BUILD_PATH
    paths.emplace_back(ENCORE_TORCH_BACKEND_BUILD_PATH);
#endif
    return paths;
}

Expected<const BackendApi*> loadOnce() {
    // OpenMP threads that spin while idle would steal the core the GUI and scanner use;
    // libgomp reads this when the module pulls it in, so a user's own setting still wins.
    ::setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    std::string errors;
    for (const std::string& path : candidates()) {
        if (::access(path.c_str(), R_OK) != 0)
            continue;
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            errors += std::string(" ") + ::dlerror() + ";";
            continue;
        }
        using Entry = const BackendApi* (*)();
        auto entry = reinterpret_cast<Entry>(::dlsym(handle, "encore_torch_backend_v1"));
        const BackendApi* api = entry ? entry() : nullptr;
        if (!api || api->version != BackendApi::kVersion) {
            errors += " " + path + " is from another build of Encore;";
            continue;
        }
        return api;  // never unloaded: models made by it live until the process ends
    }
    return Failure{
        std::string("the recommender's LibTorch module (") + kModuleName +
        ") could not be loaded:" + (errors.empty() ? std::string(" it was not found") : errors) +
        " reinstall or rebuild Encore (it is looked for next to the program, in ../lib/encore/ "
        "and in the build tree)."};
}

}  // namespace

Expected<const BackendApi*> backend() {
    static std::once_flag once;
    static std::optional<Expected<const BackendApi*>> result;
    std::call_once(once, [] { result.emplace(loadOnce()); });
    return *result;
}

}  // namespace encore::reco::detail
