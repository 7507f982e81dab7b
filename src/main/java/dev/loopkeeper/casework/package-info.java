/** The FollowUpCase aggregate, the closed-loop process glue and the frontline tasklist. */
package dev.loopkeeper.casework;
