/**
 * The server's message pages (a submission that cannot be shown as its form again, the admin
 * login, too many login attempts): a heading, the message, and the ways on.
 */
import { serverStrings as s } from '../../src/strings/server.ts';
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
