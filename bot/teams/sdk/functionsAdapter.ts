// The Teams SDK's transport seam (IHttpServerAdapter) for Azure Functions: the SDK registers its
// messaging route here as a plain handler, and Weave's `messages` function calls it. No server of
// its own is started; the Functions host (or the local one) owns HTTP.
import type { HttpRouteHandler, IHttpServerAdapter, IHttpServerRequest, IHttpServerResponse } from '@microsoft/teams.apps';

export class FunctionsAdapter implements IHttpServerAdapter {
  private messaging: HttpRouteHandler | undefined;

  registerRoute(method: 'POST', path: string, handler: HttpRouteHandler): void {
    // Only the messaging endpoint: Weave declares its other routes as functions of their own.
    if (path === MESSAGING_PATH) this.messaging = handler;
  }

  handle(request: IHttpServerRequest): Promise<IHttpServerResponse> {
    if (!this.messaging) throw new Error('The Teams SDK app was not initialised: no messaging route');
    return this.messaging(request);
  }
}

export const MESSAGING_PATH = '/api/messages';
