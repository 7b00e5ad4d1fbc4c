package dev.ferry.provider.twilio;

import dev.ferry.provider.twilio.TwilioModels.Account;
import dev.ferry.provider.twilio.TwilioModels.AccountPage;
import dev.ferry.provider.twilio.TwilioModels.AlphaSenderPage;
import dev.ferry.provider.twilio.TwilioModels.GeoPermissionList;
import dev.ferry.provider.twilio.TwilioModels.NumberPage;
import dev.ferry.provider.twilio.TwilioModels.ServiceNumberPage;
import dev.ferry.provider.twilio.TwilioModels.ServicePage;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Twilio's inventory endpoints as a Quarkus REST client. The host is given per call ({@link Url}), because one
 * client serves every tenant and each tenant may point at Twilio or at a sandbox; credentials are given per call
 * too. Methods ending in {@code At} follow a paging link verbatim. Used only through {@link TwilioClient}.
 */
@RegisterRestClient(configKey = "twilio")
@Produces(MediaType.APPLICATION_JSON)
interface TwilioApi {

    @GET
    @Path("/2010-04-01/Accounts.json")
    AccountPage accounts(
            @Url String host,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("PageSize") int pageSize);

    @GET
    AccountPage accountsAt(@Url String url, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/2010-04-01/Accounts/{sid}.json")
    Account account(
            @Url String host,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("sid") String sid);

    @GET
    @Path("/2010-04-01/Accounts/{sid}/IncomingPhoneNumbers.json")
    NumberPage incomingNumbers(
            @Url String host,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("sid") String accountSid,
            @QueryParam("PageSize") int pageSize);

    @GET
    NumberPage incomingNumbersAt(@Url String url, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/Services")
    ServicePage services(
            @Url String host,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("PageSize") int pageSize);

    @GET
    ServicePage servicesAt(@Url String url, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/Services/{sid}/PhoneNumbers")
    ServiceNumberPage servicePhoneNumbers(
            @Url String host,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("sid") String serviceSid,
            @QueryParam("PageSize") int pageSize);

    @GET
    ServiceNumberPage servicePhoneNumbersAt(
            @Url String url, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/Services/{sid}/AlphaSenders")
    AlphaSenderPage alphaSenders(
            @Url String host,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("sid") String serviceSid,
            @QueryParam("PageSize") int pageSize);

    @GET
    AlphaSenderPage alphaSendersAt(@Url String url, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/Messaging/GeoPermissions")
    GeoPermissionList geoPermissions(@Url String host, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** Every non-2xx answer goes to the one translator. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return TwilioErrorTranslator.fromResponse(response);
    }
}
