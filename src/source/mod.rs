//! Where articles come from: local files and folders, stdin. (Being written.)
