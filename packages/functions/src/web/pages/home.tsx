import type { WebViewer } from "@coachflow/core/web-auth/model";
import type { CoachHome } from "@coachflow/core/workspace/home";
import { dateText, kindLabel, sessionTime } from "../format";
import { Layout } from "../layout";

/** `/app`: what needs finishing, the next two weeks, overdue action items. */
export function HomePage(props: { viewer: WebViewer; home: CoachHome }) {
  const { home, viewer } = props;
  const tz = viewer.timezone;
  return (
    <Layout title="Your sessions" viewer={viewer}>
      <h1>Your sessions</h1>
      <p class="muted">Times are in your time zone, {tz}.</p>

      {home.toFinish.length > 0 ? (
        <section aria-labelledby="to-finish">
          <h2 id="to-finish">Waiting to be finished</h2>
          <ul>
            {home.toFinish.map(({ session, clientName }) => (
              <li>
                {kindLabel(session)} with {clientName}, {sessionTime(session, tz)}:{" "}
                <a href={`/app/sessions/${session.id}/finish`}>
                  Finish the meeting<span class="visually-hidden"> with {clientName}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="upcoming">
        <h2 id="upcoming">Next two weeks</h2>
        {home.upcoming.length === 0 ? (
          <p>No sessions booked in the next two weeks.</p>
        ) : (
          <table>
            <caption class="visually-hidden">Sessions in the next two weeks</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Client</th>
                <th scope="col">Session</th>
                <th scope="col">Agenda</th>
              </tr>
            </thead>
            <tbody>
              {home.upcoming.map(({ session, clientName }) => (
                <tr>
                  <td>{sessionTime(session, tz)}</td>
                  <td>
                    <a href={`/app/clients/${session.clientId}`}>{clientName}</a>
                  </td>
                  <td>{kindLabel(session)}</td>
                  <td>
                    <a href={`/app/sessions/${session.id}`}>
                      Open agenda
                      <span class="visually-hidden">
                        {" "}
                        for {clientName}, {kindLabel(session)}
                      </span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="overdue">
        <h2 id="overdue">Overdue action items</h2>
        {home.overdue.length === 0 ? (
          <p>None of your clients has an overdue action item.</p>
        ) : (
          <ul>
            {home.overdue.map(({ item, clientName }) => (
              <li>
                <a href={`/app/clients/${item.clientId}`}>{clientName}</a>: {item.text} (was due{" "}
                {dateText(item.dueDate, tz)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
