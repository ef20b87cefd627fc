//! Subcommands that have grown past a few lines, one file each.
pub mod text;
