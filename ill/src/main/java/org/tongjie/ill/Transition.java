package org.tongjie.ill;

import java.util.Optional;

/**
 * A move that has just been written, as {@link OutboxRule}s see it inside its transaction.
 *
 * @param request the request after the move
 * @param lenderLine the rota line of the lender now asked (its copy's barcode), if routed
 * @param agency the external agency whose request this is, if it is one
 */
public record Transition(IllRequest request, RequestEvent event, Optional<RotaEntry> lenderLine,
                         Optional<AgencyLink> agency) {}
