//! Yew components. They render view models from `crate::core::view` and dispatch
//! `crate::core::state::Action`s; they hold no logic worth testing on their own.

pub mod app;
