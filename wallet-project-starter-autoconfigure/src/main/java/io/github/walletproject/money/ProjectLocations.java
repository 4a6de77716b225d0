package io.github.walletproject.money;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * A project's locations. The calls whose path names a project ({@link #list}, {@link #page},
 * {@link #all}, {@link #create}) are routed to that project, whatever is bound: the
 * {@code project_id} that is signed is always the project in the path, and the access check
 * applies to it. {@link #update} names a location only and goes to the bound project.
 *
 * @see WalletTransactions for how calls fail
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface ProjectLocations {

	/**
	 * {@code GET project/{projectId}/locations}: one page of the project's locations, as the
	 * API sends it (a list without a total).
	 * @param projectId the project
	 * @param filter the filter and page
	 * @return the locations
	 */
	@GetExchange("project/{projectId}/locations")
	@ProjectInPath
	List<Location> list(@PathVariable(ProjectInPath.PATH_VARIABLE) long projectId, LocationFilter filter);

	/**
	 * One page of the project's locations, with its offset and limit.
	 * @param projectId the project
	 * @param filter the filter and page; its limit is the page size (100 when not set)
	 * @return the page
	 */
	default LocationPage page(long projectId, LocationFilter filter) {
		int limit = (filter.limit() != null) ? filter.limit() : Pages.DEFAULT_STREAM_LIMIT;
		long offset = (filter.offset() != null) ? filter.offset() : 0;
		return new LocationPage(list(projectId, filter.limit(limit).offset(offset)), offset, limit);
	}

	/**
	 * Every location the filter selects, fetched page by page while the stream is read.
	 * @param projectId the project
	 * @param filter the filter; its limit is the page size (100 when not set)
	 * @return a lazy stream
	 */
	default Stream<Location> all(long projectId, LocationFilter filter) {
		long offset = (filter.offset() != null) ? filter.offset() : 0;
		int limit = (filter.limit() != null) ? filter.limit() : Pages.DEFAULT_STREAM_LIMIT;
		return Pages.stream("locations of project " + projectId, offset, limit, (pageOffset,
				pageLimit) -> new LocationPage(list(projectId, filter.offset(pageOffset).limit(pageLimit)), pageOffset,
						pageLimit));
	}

	/**
	 * {@code POST project/{projectId}/location}: create a location of the project. Not retried.
	 * @param projectId the project
	 * @param location the location
	 * @return the location, with its id
	 */
	@PostExchange(url = "project/{projectId}/location", contentType = MediaType.APPLICATION_JSON_VALUE)
	@ProjectInPath
	Location create(@PathVariable(ProjectInPath.PATH_VARIABLE) long projectId, @RequestBody LocationRequest location);

	/**
	 * {@code PUT location/{id}}: change a location of the bound project.
	 * @param locationId the location
	 * @param location the new values; fields left {@code null} keep theirs
	 * @return the location
	 */
	@PutExchange(url = "location/{id}", contentType = MediaType.APPLICATION_JSON_VALUE)
	Location update(@PathVariable("id") long locationId, @RequestBody LocationRequest location);

}
