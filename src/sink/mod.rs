//! Where records go: JSON Lines. (Being written.)
