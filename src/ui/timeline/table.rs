//! The timelines' data as tables, by year: for screen readers, printing and copying.

use super::TimelineProps;
use crate::core::route::View;
use crate::core::state::Action;
use crate::core::timeline;
use crate::core::view::INFERRED;
use crate::ui::common::{Link, show_more};
use yew::prelude::*;

/// The timelines' data as tables, by year: for screen readers, printing and copying.
#[function_component(TableView)]
pub fn table_view(props: &TimelineProps) -> Html {
    let nav = crate::ui::common::use_nav();
    let data = nav.env.catalog.data;
    // A page of rows for each page of results shown: "Show more" adds to both.
    let pages = nav.state.shown.div_ceil(crate::core::state::PAGE).max(1);
    let table = timeline::table(data, &props.chart, pages * timeline::TABLE_ROWS);
    html! {
        <section class="table-view" aria-labelledby="table-heading">
            <div class="timeline-head">
                <h2 id="table-heading">{ "Timeline as a table" }</h2>
                <Link class="table-link" action={Action::SetView(View::Timeline)}>{ "Chart view" }</Link>
            </div>
            // Wide tables scroll inside their own focusable region, never the page.
            <div class="table-wrap" role="region" aria-labelledby="members-caption" tabindex="0">
            <table class="data-table">
                <caption id="members-caption">{ "Membership and standing" }</caption>
                <thead><tr><th scope="col">{ "State or organisation" }</th><th scope="col">{ "Standing" }</th><th scope="col">{ "From" }</th><th scope="col">{ "To" }</th></tr></thead>
                <tbody>
                    { for table.members.iter().map(|m| html! {
                        <tr><th scope="row">{ m.who.clone() }</th><td>{ m.standing.clone() }</td><td>{ m.from.clone() }</td><td>{ m.to.clone() }</td></tr>
                    }) }
                </tbody>
            </table>
            </div>
            <div class="table-wrap" role="region" aria-labelledby="events-caption" tabindex="0">
            <table class="data-table">
                <caption id="events-caption">{ "Events by year" }</caption>
                <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Event" }</th><th scope="col">{ "Lane" }</th><th scope="col">{ "Status" }</th></tr></thead>
                { for table.years.iter().map(|y| html! {
                    <tbody>
                        <tr class="year-row"><th scope="rowgroup" colspan="4">{ y.year.clone() }</th></tr>
                        { for y.rows.iter().map(|r| html! {
                            <tr>
                                <td>{ r.date.clone() }
                                    if let Some(why) = &r.inferred { <span class="inferred-mark" title={why.clone()}>{ format!(" {INFERRED}") }</span> }
                                </td>
                                <th scope="row">
                                    <Link action={Action::OpenCard(r.card.clone())}>{ r.title.clone() }</Link>
                                    if let Some(n) = &r.sources { <span class="table-note">{ n.clone() }</span> }
                                </th>
                                <td>{ r.lane.clone() }</td>
                                <td>{ r.status }</td>
                            </tr>
                        }) }
                    </tbody>
                }) }
            </table>
            </div>
            if table.listed < table.total {
                <p class="table-more">
                    { format!("The first {} of {} events, by date. ", table.listed, table.total) }
                    { show_more(table.total - table.listed, &nav.dispatch) }
                </p>
            }
        </section>
    }
}
