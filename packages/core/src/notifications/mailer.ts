import type { Client } from "../clients/model";
import type { Coach } from "../coaches/schema";
import { templateData } from "../email/template-data";
import type { MatchResult } from "../matching";
import type { EmailSender, Suppressions } from "../ports";

/** The longest bio an email shows before it is cut at a word boundary. */
const SHORT_BIO = 280;

/**
 * Builds each email's data from domain objects, validates it against the template's schema and
 * hands it to the sender. The one place that knows which fields an email may show.
 */
export class Mailer {
  constructor(
    private readonly sender: EmailSender,
    readonly programName: string,
    /** When given, an address SES reported as bounced or complaining is not sent to again. */
    private readonly suppressions?: Suppressions,
    /** The signed "your data" link of a client, for the footer of every client email (0026). */
    private readonly yourDataUrl?: (clientId: string) => string,
  ) {}

  /** Sends a client email: to the client's address, with their "your data" link in the footer. */
  toClient(
    client: { id: string; email: string },
    template: string,
    data: unknown,
    headers?: Record<string, string>,
  ): Promise<boolean> {
    return this.send(client.email, template, data, headers, { clientId: client.id });
  }

  async recommendations(
    client: Client,
    coaches: readonly Coach[],
    opts: { suppressed?: boolean } = {},
  ): Promise<boolean> {
    const bios = new Map(coaches.map((c) => [c.id, c.bio]));
    return this.send(
      client.email,
      "coach-recommendations",
      {
        programName: this.programName,
        clientName: client.name,
        coaches: client.matches.map((m) => ({
          name: m.name,
          bio: shortBio(bios.get(m.coachId) ?? ""),
          reasons: m.reasons.length > 0 ? m.reasons : ["Recommended by the program team"],
          bookingUrl: m.bookingUrl,
        })),
      },
      undefined,
      { ...opts, clientId: client.id },
    );
  }

  async waitlisted(client: Client, opts: { suppressed?: boolean } = {}): Promise<boolean> {
    return this.send(
      client.email,
      "intake-waitlisted",
      { programName: this.programName, clientName: client.name },
      undefined,
      { ...opts, clientId: client.id },
    );
  }

  async waitlistAlert(
    adminEmail: string,
    client: Client,
    excluded?: MatchResult["excluded"],
  ): Promise<boolean> {
    return this.send(adminEmail, "admin-waitlist-alert", {
      programName: this.programName,
      clientId: client.id,
      clientName: client.name,
      clientEmail: client.email,
      topics: client.preferences.topics,
      languages: client.preferences.languages,
      excluded: excluded ?? { inactive: 0, atCapacity: 0, noSharedLanguage: 0 },
    });
  }

  /**
   * This mailer, with `gate` run after every check (data validated, suppression read) and right
   * before each email is handed to the sender; a gate that throws stops that send. The send
   * ledger claims its key there, so nothing that can fail or be skipped comes between claim and
   * SendEmail (`sendOnce`).
   */
  gated(gate: () => Promise<void>): Mailer {
    const sender: EmailSender = {
      send: async (message) => {
        await gate();
        return this.sender.send(message);
      },
    };
    return new Mailer(sender, this.programName, this.suppressions, this.yourDataUrl);
  }

  /**
   * Validates `data` for `template` and sends it, unless the address is suppressed (bounced or
   * complained). A caller that already read the suppression (the intake does, in its one read)
   * passes `suppressed` and saves the lookup. True when the email was handed to the sender.
   */
  async send(
    to: string,
    template: string,
    data: unknown,
    headers?: Record<string, string>,
    opts: { suppressed?: boolean; clientId?: string } = {},
  ): Promise<boolean> {
    const yourDataUrl = opts.clientId && this.yourDataUrl ? this.yourDataUrl(opts.clientId) : undefined;
    const payload = templateData(template, data, yourDataUrl ? { yourDataUrl } : {});
    const suppressed =
      opts.suppressed ?? (this.suppressions ? await this.suppressions.isSuppressed(to) : false);
    if (suppressed) return false;
    await this.sender.send({
      to,
      template,
      data: payload,
      ...(headers ? { headers } : {}),
    });
    return true;
  }
}

export function shortBio(bio: string): string {
  const flat = bio.trim();
  if (flat.length <= SHORT_BIO) return flat || "—";
  const cut = flat.slice(0, SHORT_BIO);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), SHORT_BIO - 40)).trimEnd()}…`;
}
