/** Worker thread: renders a chunk of feeds (see `concurrency` in the exporter's options). */
import { parentPort } from 'node:worker_threads';
import type { FeedSpec } from './events';
import { renderFeed } from './render';

type Options = Parameters<typeof renderFeed>[1];

parentPort?.on('message', (message: { feeds: FeedSpec[]; options: Options }) => {
  parentPort!.postMessage(message.feeds.map((feed) => renderFeed(feed, message.options)));
});
