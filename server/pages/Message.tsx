/**
 * The server's message pages (a submission that cannot be shown as its form again; in the admin
 * frame: too many sign-in attempts, a refused request, signed out): a heading, the message, and the ways on.
 */
import { serverStrings as s } from '../strings/server.ts';
import { adminStrings } from '../../shared/strings/admin.ts';
import type { SignedIn } from './AccountBar.tsx';
import type { PageRenderer } from './render.tsx';

interface MessageProps {
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** After a failed form post: say that the input is still in the browser, and offer the mailbox. */
  readonly postfach?: string | undefined;
}

function Message({ title, paragraphs, postfach }: MessageProps) {
  return (
    <>
      <h1>{title}</h1>
      <div class="prose">
        {paragraphs.map((text) => (
          <p key={text}>{text}</p>
        ))}
        {postfach !== undefined && (
          <p>
            {s.notSent.inputKept} <a href={`mailto:${postfach}`}>{postfach}</a> {s.notSent.inputKeptEnd}
          </p>
        )}
        <p>
          <a href="/">{s.home}</a>
        </p>
      </div>
    </>
  );
}

/** A message page in the site's frame. */
export function messagePage(renderer: PageRenderer, props: MessageProps): string {
  return renderer.page(props.title, <Message {...props} />);
}

/** The page for a form post that failed as a whole and cannot be shown as its form. */
export function notSentPage(renderer: PageRenderer, message: string): string {
  return messagePage(renderer, { title: s.notSent.title, paragraphs: [message], postfach: renderer.context.postfach });
}

interface AdminMessageProps {
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** The way on (default: the admin area's start). */
  readonly link?: { readonly href: string; readonly text: string };
}

/** A message page of the admin area, in its frame. */
export function adminMessagePage(renderer: PageRenderer, { title, paragraphs, link }: AdminMessageProps, signedIn: SignedIn | null): string {
  return renderer.admin(
    title,
    <>
      <h1>{title}</h1>
      {paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <p>
        <a href={link?.href ?? '/admin/'}>{link?.text ?? adminStrings.title}</a>
      </p>
    </>,
    signedIn,
  );
}
