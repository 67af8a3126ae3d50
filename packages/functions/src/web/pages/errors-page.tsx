import type { WebViewer } from "@coachflow/core/web-auth/model";
import { Layout } from "../layout";

export function NotFoundPage(props: { viewer?: WebViewer }) {
  return (
    <Layout title="Page not found" {...(props.viewer ? { viewer: props.viewer } : {})}>
      <h1>Page not found</h1>
      <p>
        There is nothing here, or it is not yours to see. <a href="/app">Go to your sessions</a>.
      </p>
    </Layout>
  );
}

export function ProblemPage(props: { viewer?: WebViewer; title: string; text: string; back?: string }) {
  return (
    <Layout title={props.title} {...(props.viewer ? { viewer: props.viewer } : {})}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <p>
        <a href={props.back ?? "/app"}>Go back</a>
      </p>
    </Layout>
  );
}
